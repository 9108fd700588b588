package org.anteroom.directory;

/** The attributes of a user that are unique, and so can be checked for being free. */
public enum UserAttribute {
    TAG_ID,
    EMAIL,
    USERNAME,
    PIN
}
