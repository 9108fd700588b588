package org.anteroom.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.HashSet;

import org.junit.jupiter.api.Test;

class PermissionsTest {

    /** The first administrator's role holds the catalogue: a permission left out of it could never be granted. */
    @Test
    void theCatalogueListsEveryPermissionOnce() throws IllegalAccessException {
        var names = new HashSet<String>();
        for (Field field : Permissions.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                names.add((String) field.get(null));
            }
        }
        assertEquals(names, new HashSet<>(Permissions.CATALOGUE));
        assertEquals(
                Permissions.CATALOGUE.size(),
                Arrays.stream(Permissions.CATALOGUE.toArray()).distinct().count());
    }
}
