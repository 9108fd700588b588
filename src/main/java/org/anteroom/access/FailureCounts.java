package org.anteroom.access;

/** Failures per key over the throttle's window: this node's own ({@link FailureWindow}) or the cluster's. */
interface FailureCounts {

    boolean exceeded(String key, long limit);

    void record(String key, long limit);

    /** Forgets what fell out of the window. */
    void sweep();
}
