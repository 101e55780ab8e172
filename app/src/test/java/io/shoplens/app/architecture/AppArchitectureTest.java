package io.shoplens.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The app's packages are concepts that depend on each other one way: a cycle means two concepts
 * that cannot be understood, changed or tested apart. The app is one client of the engine, like
 * the CLI, so it never reaches into the CLI.
 */
class AppArchitectureTest {

    private static final JavaClasses APP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.shoplens.app");

    @Test
    void theAppsPackagesFormNoCycle() {
        assertThat(APP).isNotEmpty();
        slices().matching("io.shoplens.app.(*)..").should().beFreeOfCycles().check(APP);
    }

    @Test
    void theAppNeverUsesTheCommandLine() {
        noClasses().that().resideInAPackage("io.shoplens.app..")
                .should().dependOnClassesThat().resideInAPackage("io.shoplens.engine.cli..")
                .check(APP);
    }

    @Test
    void viewModelsTouchNoNode() {
        // View models hold state as properties; only views build scene graphs, so a view model
        // can be tested without a window.
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..")
                .check(APP);
    }
}
