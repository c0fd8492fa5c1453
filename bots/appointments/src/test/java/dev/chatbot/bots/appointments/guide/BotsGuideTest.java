package dev.chatbot.bots.appointments.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/bots.md honest: every java, yaml and xml block in it is a region of a file that the build compiles or
 * uses (marked {@code tag::name[]} ... {@code end::name[]}), named by the comment line just above the block:
 * {@code <!-- snippet: bots/appointments/src/main/java/.../AppointmentBot.java form -->}.
 */
class BotsGuideTest {

  private static final Path ROOT = Path.of("../..");
  private static final Pattern SNIPPET = Pattern.compile("<!-- snippet: (\\S+) (\\S+) -->");
  private static final Set<String> CHECKED = Set.of("java", "yaml", "xml");

  @Test
  void everyCodeBlockOfTheGuideIsARegionOfACompiledFile() throws IOException {
    assertThat(check("docs/bots.md", true)).as("snippets checked").isGreaterThanOrEqualTo(10);
  }

  @Test
  void theReadmeBlocksMarkedAsSnippetsAreToo() throws IOException {
    assertThat(check("README.md", false)).as("snippets checked").isGreaterThanOrEqualTo(1);
  }

  @Test
  void theGuideIsItsTemplateWithTheSnippetsFilledIn() throws IOException {
    // docs/src/render-bots-md.py writes the guide from the template: prose edited only in the guide would be lost.
    String guide = Files.readString(ROOT.resolve("docs/bots.md"));
    String unfilled = Pattern.compile("<!-- snippet: (\\S+) (\\S+) -->\n```(\\S+)\n.*?\n```", Pattern.DOTALL)
        .matcher(guide).replaceAll("{{$1 $2 $3}}");
    assertThat(unfilled).as("docs/bots.md with its snippets taken out, against docs/src/bots.md.tpl")
        .isEqualTo(Files.readString(ROOT.resolve("docs/src/bots.md.tpl")));
  }

  /** {@code all}: every java, yaml and xml block must be a snippet; otherwise only the marked ones are checked. */
  private static int check(String file, boolean all) throws IOException {
    List<String> doc = Files.readAllLines(ROOT.resolve(file));
    int checked = 0;
    for (int i = 0; i < doc.size(); i++) {
      String line = doc.get(i);
      if (!line.startsWith("```") || line.length() == 3) {
        continue;
      }
      String language = line.substring(3).trim();
      int end = i + 1;
      while (!doc.get(end).startsWith("```")) {
        end++;
      }
      Matcher marker = SNIPPET.matcher(i > 0 ? doc.get(i - 1) : "");
      if (CHECKED.contains(language) && (all || marker.matches())) {
        assertThat(marker.matches()).as("%s line %d: a %s block needs a snippet comment above it", file, i + 1,
            language).isTrue();
        List<String> block = doc.subList(i + 1, end);
        assertThat(String.join("\n", block)).as("%s line %d, %s %s", file, i + 1, marker.group(1),
            marker.group(2)).isEqualTo(String.join("\n", region(marker.group(1), marker.group(2))));
        checked++;
      }
      i = end;
    }
    return checked;
  }

  /** The lines between the region's markers, without their common indentation. */
  static List<String> region(String file, String name) throws IOException {
    List<String> lines = Files.readAllLines(ROOT.resolve(file));
    int start = -1;
    List<String> region = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("tag::" + name + "[]")) {
        start = i;
      } else if (lines.get(i).contains("end::" + name + "[]")) {
        region.addAll(lines.subList(start + 1, i));
        break;
      }
    }
    assertThat(start).as("region %s in %s", name, file).isGreaterThanOrEqualTo(0);
    int indent = region.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length())
        .min().orElse(0);
    return region.stream().map(l -> l.isBlank() ? "" : l.substring(indent).stripTrailing()).toList();
  }
}
