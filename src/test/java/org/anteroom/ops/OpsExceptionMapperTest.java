package org.anteroom.ops;

import java.util.Map;

import org.anteroom.platform.DomainException.Kind;
import org.anteroom.platform.KindSamples;
import org.junit.jupiter.api.Test;

/** The ops endpoints answer every kind as presence does; only bad input (400) occurs today (docs/admin.md). */
class OpsExceptionMapperTest {

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
        KindSamples.assertEveryKindAnswered(STATUS, OpsExceptionMapper::status);
    }
}
