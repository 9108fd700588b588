package org.anteroom;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.members;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Set;
import java.util.stream.Stream;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.Slice;
import com.tngtech.archunit.library.freeze.FreezingArchRule;

import jakarta.persistence.Entity;

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
    private static final Set<String> ADAPTERS = Set.of("legacy", "presence", "bridge", "ops", "wellknown", "demo");

    @ArchTest
    static final ArchRule domainKnowsNoAdapter = noClasses()
            .that().resideInAnyPackage(packages(DOMAIN))
            .should().dependOnClassesThat().resideInAnyPackage(packages(ADAPTERS))
            .because("a domain package never imports a wire package (DESIGN.md, \"The house\")");

    @ArchTest
    static final ArchRule platformKnowsNothingAbove = noClasses()
            .that().resideInAPackage(ROOT + "platform..")
            .should().dependOnClassesThat().resideInAnyPackage(packages(union(DOMAIN, ADAPTERS)))
            .because("platform is the bottom of the house: config, clock, JSON, errors base, ids");

    @ArchTest
    static final ArchRule adaptersAreIndependent = slices().matching(ROOT + "(*)..")
            .that(DescribedPredicate.describe("are adapters", (Slice slice) -> ADAPTERS.contains(slice.getNamePart(1))))
            .should().notDependOnEachOther()
            .because("each surface owns its contract; what two surfaces share belongs in the domain or platform");

    @ArchTest
    static final ArchRule noCycleBetweenPackages = slices().matching(ROOT + "(*)..")
            .should().beFreeOfCycles()
            .because("a cycle makes two packages one, whatever the tree says");

    /**
     * Facades are to return views built inside the transaction, so that no adapter reads a managed
     * entity after it (lazy loading outside a transaction fails on Hibernate). Frozen: the violations
     * of today are recorded in {@code src/test/resources/archunit_store} and only new ones fail; the
     * store shrinks by itself as the facades move to views.
     */
    @ArchTest
    static final ArchRule noEntityInAdapterSignatures = FreezingArchRule.freeze(members()
            .that().areDeclaredInClassesThat().resideInAnyPackage(packages(ADAPTERS))
            .and().doNotHaveModifier(JavaModifier.PRIVATE)
            .should(notExposeAnEntity())
            .because("an adapter works on views; a JPA entity is the domain's own business"));

    private static ArchCondition<JavaMember> notExposeAnEntity() {
        return new ArchCondition<>("not have a JPA @Entity type in their signature") {
            @Override
            public void check(JavaMember member, ConditionEvents events) {
                signature(member)
                        .filter(type -> type.isAnnotatedWith(Entity.class))
                        .distinct()
                        .forEach(entity -> events.add(SimpleConditionEvent.violated(member,
                                member.getFullName() + " exposes entity " + entity.getName())));
            }
        };
    }

    /** Every type a member's signature names, type arguments included ({@code List<User>}). */
    private static Stream<JavaClass> signature(JavaMember member) {
        if (member instanceof JavaField field) {
            return field.getType().getAllInvolvedRawTypes().stream();
        }
        JavaCodeUnit code = (JavaCodeUnit) member;
        return Stream.concat(code.getReturnType().getAllInvolvedRawTypes().stream(),
                code.getParameterTypes().stream().flatMap(type -> type.getAllInvolvedRawTypes().stream()));
    }

    private static String[] packages(Set<String> names) {
        return names.stream().map(name -> ROOT + name + "..").sorted().toArray(String[]::new);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        return Stream.concat(a.stream(), b.stream()).collect(java.util.stream.Collectors.toSet());
    }
}
