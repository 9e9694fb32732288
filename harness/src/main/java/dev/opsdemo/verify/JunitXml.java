package dev.opsdemo.verify;

import dev.opsdemo.workspace.AtomicFile;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code verify}'s result in the JUnit XML format CI dashboards read: one {@code testsuite} per mode, a
 * {@code testcase} per step (class {@code golden.<lane>}, name the rest of its id, its duration), and for a step that
 * does not match a {@code failure} whose message says why and whose text is the diff. Written through the JDK's XML
 * serializer, so output is escaped.
 */
public final class JunitXml {

    private JunitXml() {
    }

    /** {@code mode}, the MLflow mode the run used, names the suite: CI keeps one file per mode side by side. */
    public static void write(Path file, String mode, List<Verification.Verdict> verdicts) throws IOException {
        try {
            Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            Element suite = xml.createElement("testsuite");
            xml.appendChild(suite);
            long failures = verdicts.stream().filter(verdict -> !verdict.matched()).count();
            long totalMs = verdicts.stream().mapToLong(verdict -> verdict.result().durationMs()).sum();
            suite.setAttribute("name", "opsdemo verify --mlflow " + mode);
            suite.setAttribute("tests", String.valueOf(verdicts.size()));
            suite.setAttribute("failures", String.valueOf(failures));
            suite.setAttribute("errors", "0");
            suite.setAttribute("skipped", "0");
            suite.setAttribute("time", seconds(totalMs));
            for (Verification.Verdict verdict : verdicts) {
                Element testCase = xml.createElement("testcase");
                // classname + name read as the step's id under "golden": golden.devops + push.
                String lane = verdict.result().step().lane();
                String id = verdict.result().step().id();
                testCase.setAttribute("classname", "golden." + lane);
                testCase.setAttribute("name", id.startsWith(lane + ".") ? id.substring(lane.length() + 1) : id);
                testCase.setAttribute("time", seconds(verdict.result().durationMs()));
                if (!verdict.matched()) {
                    Element failure = xml.createElement("failure");
                    failure.setAttribute("message", verdict.message());
                    failure.setAttribute("type", "golden-mismatch");
                    failure.setTextContent(String.join("\n", verdict.diff()));
                    testCase.appendChild(failure);
                }
                suite.appendChild(testCase);
            }
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            java.io.StringWriter text = new java.io.StringWriter();
            transformer.transform(new DOMSource(xml), new StreamResult(text));
            Files.createDirectories(file.toAbsolutePath().getParent());
            AtomicFile.write(file, text.toString());
        } catch (javax.xml.parsers.ParserConfigurationException | javax.xml.transform.TransformerException e) {
            throw new IOException("cannot write JUnit XML to " + file + ": " + e.getMessage(), e);
        }
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }
}
