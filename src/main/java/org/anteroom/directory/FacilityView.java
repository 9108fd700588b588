package org.anteroom.directory;

/** A facility as the directory hands it out, with the id of its organization. */
public record FacilityView(
        String id,
        String name,
        String organizationId,
        boolean nfcEnabled,
        boolean nfcSelfModificationEnabled,
        boolean barCodeEnabled,
        long revision) {

    /** Reads the facility's organization, so call it inside the transaction that loaded the facility. */
    static FacilityView of(Facility facility) {
        return new FacilityView(
                facility.id(),
                facility.name(),
                facility.organization().id(),
                facility.nfcEnabled(),
                facility.nfcSelfModificationEnabled(),
                facility.barCodeEnabled(),
                facility.revision());
    }
}
