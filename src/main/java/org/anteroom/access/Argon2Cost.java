package org.anteroom.access;

/**
 * What one Argon2id hash costs: memory in KiB, passes over that memory, and lanes. Part of every
 * stored hash (its PHC string), so a hash made at another cost is recognised and replaced.
 */
record Argon2Cost(int memoryKib, int iterations, int parallelism) {

    /** OWASP's and ASVS 5.0's first choice: m=19 MiB, t=2, p=1. */
    static final Argon2Cost DEFAULT = new Argon2Cost(19_456, 2, 1);

    /** More than any login should cost; a stored or configured hash beyond these is refused, not run. */
    static final int MAX_MEMORY_KIB = 1 << 20;

    static final int MAX_ITERATIONS = 1_000;
    static final int MAX_PARALLELISM = 64;

    /**
     * The OWASP Password Storage Cheat Sheet's equally strong Argon2id settings, {memory KiB, passes}, all
     * with one lane: a cost is acceptable when it is at least one of them in both memory and passes.
     */
    private static final int[][] OWASP_FLOOR = {{47_104, 1}, {19_456, 2}, {12_288, 3}, {9_216, 4}, {7_168, 5}};

    Argon2Cost {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new IllegalArgumentException("Argon2 parallelism must be between 1 and " + MAX_PARALLELISM);
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("Argon2 iterations must be between 1 and " + MAX_ITERATIONS);
        }
        if (memoryKib < 8 * parallelism || memoryKib > MAX_MEMORY_KIB) {
            throw new IllegalArgumentException(
                    "Argon2 memory must be between 8 KiB per lane and " + MAX_MEMORY_KIB + " KiB");
        }
    }

    boolean meetsOwaspFloor() {
        for (int[] floor : OWASP_FLOOR) {
            if (memoryKib >= floor[0] && iterations >= floor[1]) {
                return true;
            }
        }
        return false;
    }

    /** The floor in words, for the message that refuses a weaker configuration. */
    static String owaspFloor() {
        StringBuilder words = new StringBuilder();
        for (int[] floor : OWASP_FLOOR) {
            words.append(words.isEmpty() ? "" : ", ")
                    .append("m=")
                    .append(floor[0])
                    .append(" KiB with t=")
                    .append(floor[1]);
        }
        return words.toString();
    }

    /** The PHC string's parameter part, in the order the Argon2 reference implementation writes it. */
    String phc() {
        return "m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism;
    }
}
