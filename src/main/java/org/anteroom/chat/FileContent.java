package org.anteroom.chat;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** The bytes of an uploaded file ({@code file}) or of its preview ({@code preview}); read only to download. */
@Entity
@IdClass(FileContent.Key.class)
@Table(name = "chat_file_content")
public class FileContent {

    static final String FILE = "file";
    static final String PREVIEW = "preview";

    @Id
    @Column(name = "file_id")
    private String fileId;

    @Id
    private String variant;

    private byte[] bytes;

    protected FileContent() {}

    FileContent(String fileId, String variant, byte[] bytes) {
        this.fileId = fileId;
        this.variant = variant;
        this.bytes = bytes;
    }

    byte[] bytes() {
        return bytes;
    }

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String fileId;
        private String variant;

        public Key() {}

        Key(String fileId, String variant) {
            this.fileId = fileId;
            this.variant = variant;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.fileId.equals(fileId) && key.variant.equals(variant);
        }

        @Override
        public int hashCode() {
            return Objects.hash(fileId, variant);
        }
    }
}
