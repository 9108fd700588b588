package org.anteroom.directory;

import java.util.Arrays;
import java.util.Optional;

/** The device a presence user is on, by its wire name. */
public enum Device {
    WEB_UI("WebUI"),
    IPAD("iPad"),
    EMBEDDED_NODE("EmbeddedNode"),
    DMM_V1("DMM-v1"),
    BOROSCOPE_V1("Boroscope-v1"),
    OPTICAL_MICROMETER_V1("OpticalMicrometer-v1"),
    GENERIC_CAMERA_V1("GenericCamera-v1");

    private final String label;

    Device(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<Device> of(String label) {
        return Arrays.stream(values()).filter(d -> d.label.equals(label)).findFirst();
    }

    public static String labels() {
        return String.join(", ", Arrays.stream(values()).map(Device::label).toList());
    }
}
