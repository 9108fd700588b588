package org.anteroom.chat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import org.anteroom.chat.Views.FileView;
import org.anteroom.platform.ConflictException;
import org.anteroom.platform.Secrets;
import org.anteroom.platform.Settings;

/**
 * Files bots send: the upload limits from configuration, announcing an upload (a task id), receiving
 * its bytes, who may see a file, and downloading it by its secret URL.
 */
@Stateless
public class ChatFiles {

    public static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;
    public static final int NAME_MAX = 255;
    // Public key names (docs/admin.md), under anteroom.bridge since the bridge was the first to take files.
    private static final String FILE_MAX_BYTES = "anteroom.bridge.files.max-bytes";
    private static final String FILE_EXTENSIONS_MODE = "anteroom.bridge.files.extensions-mode";
    private static final String FILE_EXTENSIONS = "anteroom.bridge.files.extensions";

    @PersistenceContext
    EntityManager em;

    @Inject
    ChatLedger ledger;

    @Inject
    Clock clock;

    /** The upload limits: the largest file, and extensions allowed ({@code allow}) or refused ({@code block}). */
    public record Limits(long maxBytes, String mode, List<String> extensions) {

        public static Limits configured() {
            String mode = Settings.text(FILE_EXTENSIONS_MODE, "block").toLowerCase(Locale.ROOT);
            return new Limits(
                    Settings.number(FILE_MAX_BYTES, DEFAULT_MAX_BYTES),
                    "allow".equals(mode) ? "allow" : "block",
                    Settings.list(FILE_EXTENSIONS, "exe,bat,cmd,com,scr,msi,vbs,ps1").stream()
                            .map(e -> e.toLowerCase(Locale.ROOT).replaceFirst("^\\.", ""))
                            .toList());
        }

        void check(String name, long size) {
            if (size < 0 || size > maxBytes) {
                throw new FileRefusedException("Files may have at most " + maxBytes + " bytes");
            }
            int dot = name.lastIndexOf('.');
            String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
            if (extensions.contains(extension) != "allow".equals(mode)) {
                throw new FileRefusedException("Files of type ." + extension + " are not accepted");
            }
        }
    }

    /** A bytes payload as a download hands it out. */
    public record Download(String name, String mimeType, byte[] bytes) {}

    public Limits limits() {
        return Limits.configured();
    }

    /** Step one of sending a file: the caller announces it and gets the task id its upload names. */
    public String announce(String callerId, String fileName, long size) {
        String name = validName(fileName);
        Limits.configured().check(name, size);
        ChatFile file = new ChatFile(
                UUID.randomUUID().toString(), UUID.randomUUID().toString(), callerId, name, size, clock.instant());
        em.persist(file);
        return file.uploadTaskId();
    }

    /**
     * Step two: the bytes of an announced upload (and optionally a preview image) arrive.
     *
     * @return the temporal file id that {@code sendFile} takes
     */
    public String receive(String uploadTaskId, String mimeType, byte[] bytes, byte[] preview) {
        ChatFile file = uploadTaskId == null
                ? null
                : em.createQuery("select f from ChatFile f where f.uploadTaskId = :task", ChatFile.class)
                        .setParameter("task", uploadTaskId.strip())
                        // Two uploads racing for one task: the second waits, then finds it arrived.
                        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                        .getResultStream()
                        .findFirst()
                        .orElse(null);
        if (file == null) {
            throw new UnknownFileException();
        }
        if (file.ready()) {
            throw new ConflictException("This upload has arrived already");
        }
        Limits.configured().check(file.name(), bytes.length);
        if (bytes.length != file.declaredSize()) {
            throw new FileRefusedException(
                    "The upload has " + bytes.length + " bytes, " + file.declaredSize() + " were announced");
        }
        file.arrived(
                bytes.length,
                validMimeType(mimeType),
                preview != null,
                UUID.randomUUID().toString(),
                Secrets.newToken());
        // The bytes refer to the file by id only: the file row goes first.
        em.flush();
        em.persist(new FileContent(file.id(), FileContent.FILE, bytes));
        if (preview != null) {
            em.persist(new FileContent(file.id(), FileContent.PREVIEW, preview));
        }
        return file.temporalId();
    }

    /** A file the caller may see: its own upload, one sent in a chat it is in, or a chat's picture. */
    public FileView info(String callerId, String fileId) {
        ChatFile file = fileId == null ? null : em.find(ChatFile.class, fileId);
        if (file == null) {
            throw new UnknownFileException();
        }
        if (!file.ownerId().equals(callerId) && !sharedWith(callerId, file.id())) {
            throw new UnknownFileException();
        }
        return FileView.of(file);
    }

    /** The bytes behind a download URL; a wrong secret is an unknown file. */
    public Download download(String fileId, String secret, boolean preview) {
        ChatFile file = fileId == null ? null : em.find(ChatFile.class, fileId);
        if (file == null
                || !file.ready()
                || secret == null
                || !MessageDigest.isEqual(
                        file.downloadSecret().getBytes(StandardCharsets.US_ASCII),
                        secret.getBytes(StandardCharsets.US_ASCII))) {
            throw new UnknownFileException();
        }
        FileContent content = em.find(
                FileContent.class, new FileContent.Key(file.id(), preview ? FileContent.PREVIEW : FileContent.FILE));
        if (content == null) {
            throw new UnknownFileException();
        }
        return new Download(file.name(), file.mimeType(), content.bytes());
    }

    private boolean sharedWith(String userId, String fileId) {
        return !em.createQuery(
                                "select m.id from Message m, Participant p where m.fileId = :file"
                                        + " and m.removedAt is null and p.chatId = m.chatId and p.userId = :user",
                                Long.class)
                        .setParameter("file", fileId)
                        .setParameter("user", userId)
                        .setMaxResults(1)
                        .getResultList()
                        .isEmpty()
                || !em.createQuery(
                                "select c.id from Chat c, Participant p where c.avatarFileId = :file"
                                        + " and p.chatId = c.id and p.userId = :user",
                                String.class)
                        .setParameter("file", fileId)
                        .setParameter("user", userId)
                        .setMaxResults(1)
                        .getResultList()
                        .isEmpty();
    }

    private static String validName(String fileName) {
        String name = fileName == null ? "" : fileName.strip();
        if (name.isEmpty()
                || name.length() > NAME_MAX
                || name.indexOf('/') >= 0
                || name.indexOf('\\') >= 0
                || name.chars().anyMatch(Character::isISOControl)
                || name.equals(".")
                || name.equals("..")) {
            throw new FileRefusedException("fileName must be a plain file name of at most " + NAME_MAX + " characters");
        }
        return name;
    }

    private static String validMimeType(String mimeType) {
        if (mimeType == null || mimeType.isBlank() || mimeType.length() > 255 || !mimeType.contains("/")) {
            return "application/octet-stream";
        }
        return mimeType.strip();
    }
}
