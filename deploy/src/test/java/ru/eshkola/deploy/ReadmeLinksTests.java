package ru.eshkola.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Documentation links to files by path; a renamed or deleted file must not leave a dead link behind. */
class ReadmeLinksTests {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    @Test
    void everyRelativeLinkInTheReadmesPointsToAnExistingFile() throws IOException {
        Path root = ServiceProcess.root();
        List<String> dead = new ArrayList<>();
        List<Path> readmes;
        try (Stream<Path> files = Files.walk(root)) {
            readmes = files.filter(p -> p.getFileName().toString().equals("README.md"))
                    .filter(p -> root.relativize(p).toString().split("/").length < 6)
                    .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/node_modules/")
                            && !p.toString().contains("/.git/") && !p.toString().contains("/deploy/local/data/"))
                    .toList();
        }
        assertThat(readmes).as("README files found").hasSizeGreaterThanOrEqualTo(7);
        for (Path readme : readmes) {
            Matcher links = LINK.matcher(Files.readString(readme));
            while (links.find()) {
                String target = links.group(1);
                if (target.matches("^[a-z]+:.*") || target.startsWith("#")) {
                    continue;
                }
                Path resolved = readme.getParent().resolve(target.replaceAll("#.*$", "")).normalize();
                if (!Files.exists(resolved)) {
                    dead.add(root.relativize(readme) + " -> " + target);
                }
            }
        }
        assertThat(dead).as("dead links").isEmpty();
    }
}
