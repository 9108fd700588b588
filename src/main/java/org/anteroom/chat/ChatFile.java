package org.anteroom.chat;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A file a bot uploads: announced with its name and size ({@code uploadFile}, an upload task), then
 * its bytes arrive over HTTP and it gets the temporal id that {@code sendFile} and
 * {@code editChatAvatar} take. Messages point at it by its id; it is downloaded with its secret.
 */
@Entity
@Table(name = "chat_file")
public class ChatFile {

    @Id
    private String id;

    @Column(name = "upload_task_id")
    private String uploadTaskId;

    @Column(name = "owner_id")
    private String ownerId;

    private String name;

    @Column(name = "declared_size")
    private long declaredSize;

    @Column(name = "file_size")
    private Long size;

    @Column(name = "mime_type")
    private String mimeType;

    @Column(name = "temporal_id")
    private String temporalId;

    @Column(name = "download_secret")
    private String downloadSecret;

    @Column(name = "has_preview")
    private boolean hasPreview;

    private Instant created;

    protected ChatFile() {}

    ChatFile(String id, String uploadTaskId, String ownerId, String name, long declaredSize, Instant now) {
        this.id = id;
        this.uploadTaskId = uploadTaskId;
        this.ownerId = ownerId;
        this.name = name;
        this.declaredSize = declaredSize;
        this.created = now;
    }

    public String id() {
        return id;
    }

    String uploadTaskId() {
        return uploadTaskId;
    }

    public String name() {
        return name;
    }

    String ownerId() {
        return ownerId;
    }

    long declaredSize() {
        return declaredSize;
    }

    /** The bytes received; empty while the upload has not arrived. */
    public Optional<Long> size() {
        return Optional.ofNullable(size);
    }

    public String mimeType() {
        return mimeType;
    }

    public boolean ready() {
        return size != null;
    }

    public boolean hasPreview() {
        return hasPreview;
    }

    public String downloadSecret() {
        return downloadSecret;
    }

    String temporalId() {
        return temporalId;
    }

    void arrived(long size, String mimeType, boolean hasPreview, String temporalId, String downloadSecret) {
        this.size = size;
        this.mimeType = mimeType;
        this.hasPreview = hasPreview;
        this.temporalId = temporalId;
        this.downloadSecret = downloadSecret;
    }
}
