package dev.opsdemo.devops;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The unit-test results Maven Surefire wrote, read from its XML reports. */
public record TestReport(int run, int failed, int skipped, List<String> failures) {

    /** Surefire's plain-text summaries, one per test class, relative to the project. */
    private static final String TEXT_REPORTS = "target/surefire-reports/*.txt";
    /** The line of a text summary that counts its class's tests (and says FAILURE when one failed). */
    private static final String COUNTS = "Tests run:";

    /** The gate's command for the project in {@code dir}: each test class's counts, from its summary. */
    public static String countsCommand(String dir) {
        return "grep -h '" + COUNTS + "' " + dir + "/" + TEXT_REPORTS;
    }

    /** What {@link #countsCommand} prints: the summaries' count lines, files in name order. */
    public static List<String> countLines(Path reportsDir) throws IOException {
        if (!Files.isDirectory(reportsDir)) {
            throw new java.nio.file.NoSuchFileException(reportsDir + "/*.txt", null, "no Surefire reports: did "
                    + "the build run its tests?");
        }
        List<String> lines = new ArrayList<>();
        try (Stream<Path> list = Files.list(reportsDir)) {
            for (Path file : list.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList()) {
                Files.readAllLines(file).stream().filter(line -> line.contains(COUNTS)).forEach(lines::add);
            }
        }
        return lines;
    }

    public static TestReport read(Path reportsDir) throws Exception {
        int run = 0;
        int failed = 0;
        int skipped = 0;
        List<String> failures = new ArrayList<>();
        if (!Files.isDirectory(reportsDir)) {
            return new TestReport(0, 0, 0, failures);
        }
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        List<Path> files;
        try (Stream<Path> list = Files.list(reportsDir)) {
            files = list.filter(p -> p.getFileName().toString().matches("TEST-.*\\.xml")).sorted().toList();
        }
        for (Path file : files) {
            Document document;
            try {
                document = factory.newDocumentBuilder().parse(file.toFile());
            } catch (org.xml.sax.SAXException | IOException e) {
                continue;
            }
            Element suite = document.getDocumentElement();
            int tests = intAttribute(suite, "tests");
            int suiteFailed = intAttribute(suite, "failures") + intAttribute(suite, "errors");
            int suiteSkipped = intAttribute(suite, "skipped");
            run += tests;
            failed += suiteFailed;
            skipped += suiteSkipped;
            NodeList cases = suite.getElementsByTagName("testcase");
            for (int i = 0; i < cases.getLength(); i++) {
                Element testCase = (Element) cases.item(i);
                for (String kind : new String[] {"failure", "error"}) {
                    NodeList problems = testCase.getElementsByTagName(kind);
                    if (problems.getLength() > 0) {
                        String message = ((Element) problems.item(0)).getAttribute("message");
                        failures.add(simpleName(testCase.getAttribute("classname")) + "."
                                + testCase.getAttribute("name") + ": " + firstLine(message));
                    }
                }
            }
        }
        return new TestReport(run, failed, skipped, failures);
    }

    private static int intAttribute(Element element, String name) {
        String value = element.getAttribute(name);
        return value.isBlank() ? 0 : Integer.parseInt(value.strip());
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }
}
