package org.anteroom.bridge;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import jakarta.persistence.Entity;

/**
 * The bridge works on the domain's views and principals only: not one of its classes touches a JPA
 * entity, in a signature or inside a method (stricter than ArchitectureTest's frozen rule).
 */
@AnalyzeClasses(packages = "org.anteroom", importOptions = ImportOption.DoNotIncludeTests.class)
class BridgeRulesTest {

    @ArchTest
    static final ArchRule noEntityInTheBridge = noClasses()
            .that().resideInAPackage("org.anteroom.bridge..")
            .should().dependOnClassesThat().areAnnotatedWith(Entity.class)
            .because("an entity stays in its facade's transaction (issue 13)");
}
