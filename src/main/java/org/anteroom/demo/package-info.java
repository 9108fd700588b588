/**
 * The demo data set of the embedded default, modelled on the legacy spec's own examples so that its
 * sample requests work as written. Loaded only when {@code anteroom.demo} is true (by default only on
 * the embedded H2 database), and only into an empty directory.
 */
package org.anteroom.demo;
