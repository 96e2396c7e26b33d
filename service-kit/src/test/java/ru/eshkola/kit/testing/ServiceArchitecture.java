package ru.eshkola.kit.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The structure every service keeps (STYLE.md "package by feature"), checked by each service's ModularityTests:
 * <ul>
 * <li>features (the packages directly below the service's base package) do not depend on each other in a cycle;</li>
 * <li>no layer packages at the top ({@code model}, {@code service}, {@code web}, {@code config}, ...);</li>
 * <li>no service reaches into another service's code: they talk only through Kafka topics.</li>
 * </ul>
 */
public final class ServiceArchitecture {

    private static final List<String> SERVICES = List.of("journal", "diary", "applications", "notification",
            "monitoring");

    private ServiceArchitecture() {
    }

    public static void verify(String basePackage) {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
        rules(basePackage).forEach(rule -> rule.check(classes));
    }

    static List<ArchRule> rules(String basePackage) {
        String[] otherServices = SERVICES.stream().map(s -> "ru.eshkola." + s + "..")
                .filter(p -> !p.equals(basePackage + ".."))
                .toArray(String[]::new);
        return List.of(
                slices().matching(basePackage + ".(*)..").should().beFreeOfCycles()
                        .allowEmptyShould(true) // a service without features yet has nothing to cycle
                        .as("features of " + basePackage + " depend on each other without cycles"),
                noClasses().should().resideInAnyPackage(basePackage + ".model..", basePackage + ".service..",
                                basePackage + ".services..", basePackage + ".web..", basePackage + ".config..",
                                basePackage + ".controller..", basePackage + ".repository..", basePackage + ".dto..")
                        .as(basePackage + " is packaged by feature, not by layer"),
                noClasses().should().dependOnClassesThat().resideInAnyPackage(otherServices)
                        .as(basePackage + " uses no other service's code"));
    }
}
