package org.anteroom.rooms;

/**
 * A room of a facility as the rooms domain hands it out: {@code code} is its id within the facility
 * (like {@code poda}), unique there; {@code revision} counts the administrators' changes.
 */
public record FacilityRoom(String code, String name, String facilityId, long revision) {

    static FacilityRoom of(Room room, String facilityId) {
        return new FacilityRoom(room.code(), room.name(), facilityId, room.revision());
    }
}
