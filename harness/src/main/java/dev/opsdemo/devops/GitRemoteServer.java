package dev.opsdemo.devops;

import jakarta.servlet.DispatcherType;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.http.server.GitServlet;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.ReceivePack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;

/**
 * A real Git remote over HTTP: JGit's {@link GitServlet} on embedded Jetty, bound to 127.0.0.1 on a port the
 * operating system picks, serving one bare repository. Every request needs the workspace's credentials, and the
 * remote refuses non-fast-forward updates even when a client forces them.
 */
public final class GitRemoteServer implements AutoCloseable {

    private final Server server;
    private final String url;

    private GitRemoteServer(Server server, String url) {
        this.server = server;
        this.url = url;
    }

    public static GitRemoteServer start(Path bareRepository, GitCredentials credentials) throws Exception {
        createBareRepositoryIfMissing(bareRepository);
        String repositoryName = bareRepository.getFileName().toString();

        GitServlet git = new GitServlet();
        git.setRepositoryResolver((request, name) -> {
            if (!name.equals(repositoryName)) {
                throw new RepositoryNotFoundException(name);
            }
            try {
                return new FileRepositoryBuilder().setGitDir(bareRepository.toFile()).setMustExist(true).build();
            } catch (IOException e) {
                throw new RepositoryNotFoundException(name, e);
            }
        });
        git.setReceivePackFactory((request, repository) -> {
            ReceivePack receive = new ReceivePack(repository);
            receive.setAllowNonFastForwards(false);
            receive.setAllowDeletes(false);
            return receive;
        });

        ServletContextHandler context = new ServletContextHandler("/");
        context.addFilter(new FilterHolder(new BasicAuthFilter(credentials)), "/*",
                EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder("git", git), "/*");

        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(context);
        server.setStopTimeout(2_000);
        server.start();
        return new GitRemoteServer(server,
                "http://127.0.0.1:" + connector.getLocalPort() + "/" + repositoryName);
    }

    private static void createBareRepositoryIfMissing(Path bareRepository) throws Exception {
        if (Files.isRegularFile(bareRepository.resolve("HEAD"))) {
            return;
        }
        Files.createDirectories(bareRepository.getParent());
        try (Git ignored = Git.init().setBare(true).setInitialBranch("main")
                .setDirectory(bareRepository.toFile()).call()) {
            // Created; the lane pushes into it.
        }
    }

    /** The clone/push URL, without credentials (they never go into URLs, configs or output). */
    public String url() {
        return url;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    /** Reads a ref straight from the bare repository on disk, as the remote stores it. */
    public static String readRef(Path bareRepository, String ref) throws IOException {
        try (Repository repository = new FileRepositoryBuilder().setGitDir(bareRepository.toFile())
                .setMustExist(true).build()) {
            var id = repository.resolve(ref);
            return id == null ? null : id.name();
        }
    }
}
