package org.saddlecheck.scenario;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import org.saddlecheck.InvalidInputException;

/**
 * Writes a file so that readers see either the old content or the whole new content, never a part:
 * the text goes to a temporary file in the target's folder, is flushed to disk, and is then moved
 * over the target in one atomic rename. On any failure the temporary file is removed and the target
 * is left as it was.
 */
public final class AtomicFile {
    private AtomicFile() {
    }

    /**
     * Checks that {@code target} can be written: its folder exists and it is not a folder itself.
     *
     * @throws InvalidInputException naming the path
     */
    public static void requireWritable(Path target) {
        Path folder = folder(target);
        if (!Files.isDirectory(folder)) {
            throw new InvalidInputException("the folder of output file '" + target
                    + "' does not exist");
        }
        if (Files.isDirectory(target)) {
            throw new InvalidInputException("output file '" + target + "' is a folder");
        }
    }

    /**
     * As {@link #write}, creating the target's folder (and its parents) first when missing.
     *
     * @throws InvalidInputException if the folder cannot be created or the file cannot be written
     */
    public static void writeCreatingFolder(Path target, String text) {
        try {
            Files.createDirectories(folder(target));
        } catch (IOException e) {
            throw new InvalidInputException("the folder of output file '" + target
                    + "' cannot be created: " + e, e);
        }
        write(target, text);
    }

    /**
     * Replaces the content of {@code target} by {@code text} (UTF-8) atomically. The file is made
     * readable by everyone (rw-r--r--) where the file system has POSIX permissions, as a file
     * written directly would be; the temporary file it starts as is private.
     *
     * @throws InvalidInputException if the folder does not exist or the file cannot be written
     */
    public static void write(Path target, String text) {
        requireWritable(target);
        Path temporary = null;
        try {
            temporary = Files.createTempFile(folder(target), "." + target.getFileName() + ".",
                    ".tmp");
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            readableByAll(temporary);
            move(temporary, target);
        } catch (IOException e) {
            throw new InvalidInputException("output file '" + target + "' cannot be written: "
                    + e, e);
        } finally {
            deleteQuietly(temporary);
        }
    }

    private static void readableByAll(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    private static void move(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // A file system without atomic renames: still never leave a partial target behind.
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path temporary) {
        if (temporary == null) {
            return;
        }
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            // The temporary file is hidden and harmless; the write itself has already succeeded
            // or failed with its own message.
            temporary.toFile().deleteOnExit();
        }
    }

    private static Path folder(Path target) {
        Path parent = target.toAbsolutePath().getParent();
        return parent == null ? target.toAbsolutePath().getRoot() : parent;
    }
}
