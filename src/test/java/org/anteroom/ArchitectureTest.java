package org.anteroom;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Set;
import java.util.stream.Stream;

import jakarta.persistence.Entity;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.Slice;

/**
 * The house of DESIGN.md, checked on every build (docs/decisions/0013-architecture-rules.md): wire
 * adapters on top, domain in the middle, platform at the bottom, and arrows only point down.
 * {@code presence.hub} is part of the presence adapter, so it counts as {@code presence} here.
 */
@AnalyzeClasses(packages = "org.anteroom", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String ROOT = "org.anteroom.";

    private static final Set<String> DOMAIN = Set.of("directory", "access", "rooms", "chat", "mail");

    /** The wire adapters, and {@code demo}, which loads data through the domain as an adapter does. */
    private static final Set<String> ADAPTERS =
            Set.of("legacy", "presence", "bridge", "ops", "wellknown", "admin", "demo");

    private static final Set<String> WIRE_ADAPTERS =
            Set.of("legacy", "presence", "bridge", "ops", "wellknown", "admin");

    @ArchTest
    static final ArchRule domainKnowsNoAdapter = noClasses()
            .that()
            .resideInAnyPackage(packages(DOMAIN))
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(packages(ADAPTERS))
            .because("a domain package never imports a wire package (DESIGN.md, \"The house\")");

    @ArchTest
    static final ArchRule platformKnowsNothingAbove = noClasses()
            .that()
            .resideInAPackage(ROOT + "platform..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(packages(union(DOMAIN, ADAPTERS)))
            .because("platform is the bottom of the house: config, clock, JSON, errors base, ids");

    @ArchTest
    static final ArchRule adaptersAreIndependent = slices().matching(ROOT + "(*)..")
            .that(DescribedPredicate.describe("are adapters", (Slice slice) -> ADAPTERS.contains(slice.getNamePart(1))))
            .should()
            .notDependOnEachOther()
            .because("each surface owns its contract; what two surfaces share belongs in the domain or platform");

    @ArchTest
    static final ArchRule noCycleBetweenPackages = slices().matching(ROOT + "(*)..")
            .should()
            .beFreeOfCycles()
            .because("a cycle makes two packages one, whatever the tree says");

    /**
     * Facades return views built inside their transaction, so no wire adapter ever holds a managed
     * entity after it: lazy loading outside a transaction works on EclipseLink only and fails on
     * Hibernate. Not in a signature and not inside a method body either. {@code demo} is left out:
     * it writes the seed rows itself, inside its own transaction.
     */
    @ArchTest
    static final ArchRule wireAdaptersTouchNoEntity = noClasses()
            .that()
            .resideInAnyPackage(packages(WIRE_ADAPTERS))
            .should()
            .dependOnClassesThat(entitiesAndTheirParts())
            .because("an adapter works on views; a JPA entity is the domain's own business");

    /** An {@code @Entity} class or a type nested in one (such as a record it defines). */
    private static DescribedPredicate<JavaClass> entitiesAndTheirParts() {
        return DescribedPredicate.describe(
                "are JPA entities or nested in one",
                type -> type.isAnnotatedWith(Entity.class)
                        || type.getEnclosingClass()
                                .map(outer -> outer.isAnnotatedWith(Entity.class))
                                .orElse(false));
    }

    private static String[] packages(Set<String> names) {
        return names.stream().map(name -> ROOT + name + "..").sorted().toArray(String[]::new);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        return Stream.concat(a.stream(), b.stream()).collect(java.util.stream.Collectors.toSet());
    }
}
