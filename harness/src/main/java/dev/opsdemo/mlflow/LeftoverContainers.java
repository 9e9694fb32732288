package dev.opsdemo.mlflow;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Network;
import org.testcontainers.DockerClientFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * MLflow containers (and a stack's network) an earlier run in the same workspace left behind: a run killed outright
 * cannot stop its container (and Ryuk, Testcontainers' reaper, is off), so it keeps running or lingers as exited.
 * Called only under the workspace's lock, when no other run can own a container with this workspace's label.
 */
public final class LeftoverContainers {

    public static final String LABEL = "opsdemo.workspace";

    private LeftoverContainers() {
    }

    /** Removes them, returning one line per container removed; nothing when no Docker engine answers. */
    public static List<String> remove(String workspaceLabel) {
        List<String> notes = new ArrayList<>();
        if (!DockerEngine.available()) {
            return notes;
        }
        DockerClient docker = DockerClientFactory.instance().client();
        List<Container> containers = docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(LABEL, workspaceLabel)).exec();
        for (Container container : containers) {
            String id = container.getId().substring(0, 12);
            try {
                docker.removeContainerCmd(container.getId()).withForce(true).withRemoveVolumes(true).exec();
                notes.add("removed container " + id + " (" + container.getImage() + ", " + container.getState()
                        + ") that an earlier, killed run in this workspace left behind");
            } catch (RuntimeException e) {
                notes.add("could not remove container " + id + " left by an earlier run: " + e.getMessage()
                        + "; remove it with: docker rm -f " + id);
            }
        }
        // A stack's network, once its containers are gone.
        for (Network network : docker.listNetworksCmd().withFilter("label", List.of(LABEL + "=" + workspaceLabel))
                .exec()) {
            try {
                docker.removeNetworkCmd(network.getId()).exec();
                notes.add("removed network " + network.getName() + " that an earlier, killed run in this workspace "
                        + "left behind");
            } catch (RuntimeException e) {
                notes.add("could not remove network " + network.getName() + " left by an earlier run: "
                        + e.getMessage() + "; remove it with: docker network rm " + network.getName());
            }
        }
        return notes;
    }
}
