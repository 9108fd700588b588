package org.anteroom.directory;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A site of an organization. Facility ids are unique across organizations (users name one alone). */
@Entity
@Cacheable
@Table(name = "facility")
public class Facility {

    @Id
    private String id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "organization_id")
    private Organization organization;

    private String name;

    @Column(name = "nfc_enabled")
    private boolean nfcEnabled;

    @Column(name = "nfc_self_modification_enabled")
    private boolean nfcSelfModificationEnabled;

    @Column(name = "bar_code_enabled")
    private boolean barCodeEnabled;

    /** Display order within the organization; the legacy lists keep the order facilities were made. */
    @Column(name = "display_order")
    private int position;

    /** Raised by every administrator's change; an update names the revision it read (decision 0020). */
    private long revision;

    protected Facility() {}

    public Facility(
            String id,
            Organization organization,
            String name,
            int position,
            boolean nfcEnabled,
            boolean nfcSelfModificationEnabled,
            boolean barCodeEnabled) {
        this.id = id;
        this.organization = organization;
        this.name = name;
        this.position = position;
        this.nfcEnabled = nfcEnabled;
        this.nfcSelfModificationEnabled = nfcSelfModificationEnabled;
        this.barCodeEnabled = barCodeEnabled;
        organization.facilities().add(this);
    }

    public String id() {
        return id;
    }

    public Organization organization() {
        return organization;
    }

    public String name() {
        return name;
    }

    public boolean nfcEnabled() {
        return nfcEnabled;
    }

    public boolean nfcSelfModificationEnabled() {
        return nfcSelfModificationEnabled;
    }

    public boolean barCodeEnabled() {
        return barCodeEnabled;
    }

    public int position() {
        return position;
    }

    public void change(String name, boolean nfcEnabled, boolean nfcSelfModificationEnabled, boolean barCodeEnabled) {
        this.name = name;
        this.nfcEnabled = nfcEnabled;
        this.nfcSelfModificationEnabled = nfcSelfModificationEnabled;
        this.barCodeEnabled = barCodeEnabled;
        revise();
    }

    public long revision() {
        return revision;
    }

    /** Counts one administrator's change. */
    void revise() {
        revision++;
    }
}
