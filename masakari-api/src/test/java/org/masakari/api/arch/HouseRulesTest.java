package org.masakari.api.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** House rules of ../shared/STYLE.md that matter, checked in the build rather than only written down. */
class HouseRulesTest {
  private static final JavaClasses API = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.masakari.api");

  @Test
  void theApiNeverTouchesHibernateOrJdbcDirectly() {
    noClasses().that().resideInAPackage("org.masakari.api..")
        .should().dependOnClassesThat().resideInAnyPackage("org.hibernate..", "java.sql..", "jakarta.persistence..")
        .because("persistence belongs to masakari-core's services, which run on the worker pool")
        .check(API);
  }

  @Test
  void noSleepingOnTheEventLoop() {
    noClasses().that().resideInAPackage("org.masakari.api..")
        .should().callMethod(Thread.class, "sleep", long.class)
        .because("nothing may block the event loop")
        .check(API);
  }

  @Test
  void controllersDoNotMapErrorsThemselves() {
    noClasses().that().resideInAPackage("org.masakari.api.resources..")
        .should().dependOnClassesThat().haveFullyQualifiedName("org.masakari.api.http.ResponseWriter")
        .because("one failure handler maps every fault")
        .check(API);
  }

  @Test
  void noSourceFileOverFiveHundredLines() throws IOException {
    for (String module : List.of("masakari-api", "masakari-core", "masakari-client")) {
      try (Stream<Path> files = Files.walk(Path.of("..", module, "src", "main"))) {
        files.filter(p -> p.toString().endsWith(".java")).forEach(p -> {
          try {
            assertThat(Files.readAllLines(p)).as(p.toString()).hasSizeLessThanOrEqualTo(500);
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
      }
    }
  }
}
