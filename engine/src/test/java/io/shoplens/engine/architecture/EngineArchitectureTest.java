package io.shoplens.engine.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/** STYLE.md rule 1: the engine is a library and a CLI; it never depends on JavaFX (or on the app). */
class EngineArchitectureTest {

    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.shoplens.engine");

    @Test
    void engineNeverUsesJavaFx() {
        assertThat(ENGINE).isNotEmpty();
        ArchRule rule = noClasses().that().resideInAPackage("io.shoplens.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..", "io.shoplens.app..");
        rule.check(ENGINE);
    }

    @Test
    void onlyTheCommandLineDependsOnTheCommandLine() {
        // The CLI is one client of the engine, like the app: features must not reach into it.
        ArchRule rule = noClasses().that().resideInAPackage("io.shoplens.engine..")
                .and().resideOutsideOfPackage("io.shoplens.engine.cli..")
                .should().dependOnClassesThat().resideInAPackage("io.shoplens.engine.cli..");
        rule.check(ENGINE);
    }

    @Test
    void theEnginesPackagesFormNoCycle() {
        slices().matching("io.shoplens.engine.(*)..").should().beFreeOfCycles().check(ENGINE);
    }

    @Test
    void theWorkspaceDependsOnNoneOfItsUsers() {
        // The importer, the runs and the live view keep their state in the workspace; the
        // workspace knows none of them, so none of them can form a cycle through it.
        ArchRule rule = noClasses().that().resideInAPackage("io.shoplens.engine.workspace..")
                .should().dependOnClassesThat().resideInAnyPackage("io.shoplens.engine.live..",
                        "io.shoplens.engine.imports..", "io.shoplens.engine.run..", "io.shoplens.engine.cli..");
        rule.check(ENGINE);
    }
}
