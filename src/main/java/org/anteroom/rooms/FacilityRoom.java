package org.anteroom.rooms;

/**
 * A room of a facility as the rooms domain hands it out: {@code code} is its id within the facility
 * (like {@code poda}), unique there.
 */
public record FacilityRoom(String code, String name, String facilityId) {}
