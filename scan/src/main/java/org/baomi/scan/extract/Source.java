package org.baomi.scan.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * The bytes of one file or archive member: on disk, or in memory when small enough.
 * Extractors read it through whichever view their library wants.
 */
public sealed interface Source permits Source.OnDisk, Source.InMemory {
    /** File name without directories, for type detection and file-name findings. */
    String name();

    long size();

    InputStream open() throws IOException;

    SeekableByteChannel channel() throws IOException;

    /** The whole content; callers check {@link #size()} against their limits first. */
    byte[] bytes() throws IOException;

    /** A file, possibly a temporary one that the engine deletes after use. */
    record OnDisk(String name, Path path, long size) implements Source {
        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(path);
        }

        @Override
        public SeekableByteChannel channel() throws IOException {
            return Files.newByteChannel(path, StandardOpenOption.READ);
        }

        @Override
        public byte[] bytes() throws IOException {
            return Files.readAllBytes(path);
        }
    }

    /** Bytes held in memory (small archive members, attachments). */
    record InMemory(String name, byte[] data) implements Source {
        @Override
        public long size() {
            return data.length;
        }

        @Override
        public InputStream open() {
            return new ByteArrayInputStream(data);
        }

        @Override
        public SeekableByteChannel channel() {
            return new SeekableInMemoryByteChannel(data);
        }

        @Override
        public byte[] bytes() {
            return data;
        }
    }
}
