package org.anteroom.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.anteroom.platform.DomainException.Kind;

/**
 * One domain failure of each kind, for the tests that every surface answers every kind: the base
 * type, and a subtype no surface has heard of (a future one), which must get its kind's answer.
 */
public final class KindSamples {

    private KindSamples() {}

    /**
     * That a surface's documented answer covers every kind, and that both the kind's base type and
     * a subtype the surface has never heard of get it.
     */
    public static <T> void assertEveryKindAnswered(Map<Kind, T> documented, Function<DomainException, T> answer) {
        assertEquals(EnumSet.allOf(Kind.class), EnumSet.copyOf(documented.keySet()), "documented kinds");
        for (Kind kind : Kind.values()) {
            assertEquals(documented.get(kind), answer.apply(of(kind)), kind.name());
            assertEquals(documented.get(kind), answer.apply(unheardOf(kind)), kind.name() + ", unheard-of subtype");
        }
    }

    /** The base type of the kind, with a message that tells the cases apart. */
    public static DomainException of(Kind kind) {
        return switch (kind) {
            case NOT_FOUND -> new UnknownEntityException("Thing");
            case INVALID -> new InvalidInputException(List.of("First is wrong", "Second is wrong"));
            case UNAUTHENTICATED -> new NotAuthenticatedException("not authenticated");
            case FORBIDDEN -> new NotPermittedException("forbidden");
            case CONFLICT -> new ConflictException("conflict");
            case THROTTLED -> new TooManyAttemptsException("throttled");
            case UNAVAILABLE -> new UnavailableException("unavailable");
        };
    }

    /** A subtype of the kind's base that no mapper knows, with the same message as {@link #of}. */
    public static DomainException unheardOf(Kind kind) {
        return switch (kind) {
            case NOT_FOUND ->
                new UnknownEntityException("Thing") {
                    private static final long serialVersionUID = 1L;
                };
            case INVALID ->
                new InvalidInputException(List.of("First is wrong", "Second is wrong")) {
                    private static final long serialVersionUID = 1L;
                };
            case UNAUTHENTICATED ->
                new NotAuthenticatedException("not authenticated") {
                    private static final long serialVersionUID = 1L;
                };
            case FORBIDDEN ->
                new NotPermittedException("forbidden") {
                    private static final long serialVersionUID = 1L;
                };
            case CONFLICT ->
                new ConflictException("conflict") {
                    private static final long serialVersionUID = 1L;
                };
            case THROTTLED ->
                new TooManyAttemptsException("throttled") {
                    private static final long serialVersionUID = 1L;
                };
            case UNAVAILABLE ->
                new UnavailableException("unavailable") {
                    private static final long serialVersionUID = 1L;
                };
        };
    }
}
