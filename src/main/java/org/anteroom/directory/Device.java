package org.anteroom.directory;

/**
 * The device a presence user is on. Stored by its name; the wire names ({@code WebUI}, {@code DMM-v1}, ...)
 * are the presence adapter's.
 */
public enum Device {
    WEB_UI,
    IPAD,
    EMBEDDED_NODE,
    DMM_V1,
    BOROSCOPE_V1,
    OPTICAL_MICROMETER_V1,
    GENERIC_CAMERA_V1
}
