package ai.hrflow.webhook.hrjson;

import java.time.Instant;

/**
 * A file attached to a profile, such as the original CV.
 *
 * @param alt a text alternative
 * @param type what the file is, such as {@code resume} or {@code picture}
 * @param extension the file extension, such as {@code .pdf}
 * @param fileName the stored file's name
 * @param originalFileName the file's name as uploaded
 * @param fileSize the size in bytes
 * @param publicUrl where the file can be downloaded
 * @param createdAt when the file was attached
 * @param updatedAt when the file was last changed
 */
public record Attachment(
    String alt,
    String type,
    String extension,
    String fileName,
    String originalFileName,
    Long fileSize,
    String publicUrl,
    Instant createdAt,
    Instant updatedAt) {}
