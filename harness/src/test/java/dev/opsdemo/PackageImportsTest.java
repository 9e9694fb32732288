package dev.opsdemo;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import dev.opsdemo.workspace.RepoLayout;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * ARCHITECTURE.md's package table, checked on the compiled main classes. The rule is read from the table itself,
 * so the document and the check cannot drift: a row's "may import" cell is {@code nothing}, {@code everything
 * above}, or a list of packages above it (which is what keeps the graph free of cycles).
 */
class PackageImportsTest {

    private static final String ROOT = "dev.opsdemo";
    /** A table row: {@code | `name` | what it holds | may import |}. */
    private static final Pattern ROW = Pattern.compile("^\\|\\s*`([a-z]+)`\\s*\\|[^|]*\\|([^|]*)\\|\\s*$");

    /** The main classes' own directory (target/classes): scanning every jar on the class path takes seconds. */
    private static final JavaClasses MAIN = new ClassFileImporter().importPath(mainClasses());

    @Test
    void everyPackageImportsOnlyWhatTheTableAllows() throws IOException {
        Map<String, List<String>> table = table();
        LayeredArchitecture architecture = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (String name : table.keySet()) {
            architecture = architecture.layer(name).definedBy(ROOT + "." + name + "..");
        }
        for (Map.Entry<String, List<String>> row : table.entrySet()) {
            architecture = row.getValue().isEmpty()
                    ? architecture.whereLayer(row.getKey()).mayNotAccessAnyLayer()
                    : architecture.whereLayer(row.getKey()).mayOnlyAccessLayers(row.getValue().toArray(String[]::new));
        }
        architecture.check(MAIN);
    }

    @Test
    void theTableNamesEveryPackage() throws IOException {
        Set<String> packages = new TreeSet<>();
        for (JavaClass type : MAIN) {
            String name = type.getPackageName();
            assertFalse(name.equals(ROOT), type.getName() + " sits in " + ROOT + " itself, which the table has no row for");
            packages.add(name.substring(ROOT.length() + 1).split("\\.")[0]);
        }
        assertEquals(packages, new TreeSet<>(table().keySet()),
                "ARCHITECTURE.md's package table and the packages under " + ROOT + " differ");
    }

    private static Path mainClasses() {
        try {
            return Path.of(RepoLayout.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The table's rows in order: each package and the packages it may import. */
    private static Map<String, List<String>> table() throws IOException {
        Path doc = RepoLayout.locate().root().resolve("ARCHITECTURE.md");
        Map<String, List<String>> table = new LinkedHashMap<>();
        for (String line : Files.readAllLines(doc)) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                table.put(row.group(1), mayImport(row.group(1), row.group(2).trim(), table));
            }
        }
        assertFalse(table.isEmpty(), "no package rows (| `name` | ... | may import |) found in " + doc);
        return table;
    }

    private static List<String> mayImport(String name, String cell, Map<String, List<String>> above) {
        if (cell.equals("nothing")) {
            return List.of();
        }
        if (cell.equals("everything above")) {
            return new ArrayList<>(above.keySet());
        }
        List<String> allowed = new ArrayList<>();
        for (String item : cell.split(",")) {
            String imported = item.trim().replace("`", "");
            if (!above.containsKey(imported)) {
                throw new AssertionError("ARCHITECTURE.md: `" + name + "` may import `" + imported + "`, which is not"
                        + " a package above it in the table (a package imports only those above it, so no cycles)");
            }
            allowed.add(imported);
        }
        return allowed;
    }
}
