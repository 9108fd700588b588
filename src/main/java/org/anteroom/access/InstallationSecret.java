package org.anteroom.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A secret generated once per installation and kept across restarts. */
@Entity
@Table(name = "installation_secret")
public class InstallationSecret {

    @Id
    private String name;

    @Column(name = "secret_value")
    private String value;

    protected InstallationSecret() {}

    InstallationSecret(String name, String value) {
        this.name = name;
        this.value = value;
    }

    String value() {
        return value;
    }
}
