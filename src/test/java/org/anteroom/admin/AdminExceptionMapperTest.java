package org.anteroom.admin;

import java.util.Map;

import org.anteroom.platform.DomainException.Kind;
import org.anteroom.platform.KindSamples;
import org.junit.jupiter.api.Test;

/** The admin surface answers every kind as presence does; setup answers 400, 429 and 503 today (docs/admin.md). */
class AdminExceptionMapperTest {

    private static final Map<Kind, Integer> STATUS = Map.of(
            Kind.NOT_FOUND, 404,
            Kind.INVALID, 400,
            Kind.UNAUTHENTICATED, 401,
            Kind.FORBIDDEN, 403,
            Kind.CONFLICT, 409,
            Kind.THROTTLED, 429,
            Kind.UNAVAILABLE, 503);

    @Test
    void everyKindHasAStatusAndAnUnheardOfSubtypeGetsItsKinds() {
        KindSamples.assertEveryKindAnswered(STATUS, AdminExceptionMapper::status);
    }
}
