package dev.rapport.crm.outlook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Writes {@code .msg} files for the tests as Outlook lays them out ([MS-OXMSG]): a compound file
 * whose root holds one stream per variable-length property ({@code __substg1.0_<id><type>}), a
 * property stream of the fixed-length ones, and a storage per recipient and per attachment. No
 * Outlook here, and POI's HSMF only reads: these are written with POI's compound-file writer.
 */
final class MsgFiles {
  private final Map<Integer, String> strings = new LinkedHashMap<>();
  private Instant submitted;
  private final List<Map<Integer, Object>> recipients = new ArrayList<>();
  private final List<Map<Integer, Object>> attachments = new ArrayList<>();

  static MsgFiles message() {
    return new MsgFiles();
  }

  MsgFiles string(int property, String value) {
    strings.put(property, value);
    return this;
  }

  MsgFiles submitted(Instant at) {
    submitted = at;
    return this;
  }

  /** A recipient: type 1 To, 2 Cc, 3 Bcc. */
  MsgFiles recipient(int type, String name, String smtp) {
    Map<Integer, Object> r = new LinkedHashMap<>();
    r.put(0x3001, name);
    if (smtp != null) {
      r.put(0x39FE, smtp);
      r.put(0x3003, smtp);
    }
    r.put(0x0C15, type);
    recipients.add(r);
    return this;
  }

  MsgFiles attachment(String name, String mime, byte[] data) {
    Map<Integer, Object> a = new LinkedHashMap<>();
    a.put(0x3707, name);
    a.put(0x370E, mime);
    a.put(0x3701, data);
    attachments.add(a);
    return this;
  }

  byte[] bytes() {
    try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      DirectoryEntry root = fs.getRoot();
      strings.forEach((id, v) -> stream(root, id, v));
      ByteBuffer props = ByteBuffer.allocate(32 + 16).order(ByteOrder.LITTLE_ENDIAN);
      props.position(8);
      props.putInt(recipients.size()).putInt(attachments.size()).putInt(recipients.size()).putInt(attachments.size());
      props.position(32);
      int used = 32;
      if (submitted != null) {
        props.putShort((short) 0x0040).putShort((short) 0x0039).putInt(6)
            .putLong((submitted.toEpochMilli() + 11_644_473_600_000L) * 10_000L);
        used += 16;
      }
      root.createDocument("__properties_version1.0", new ByteArrayInputStream(props.array(), 0, used));
      for (int i = 0; i < recipients.size(); i++) {
        DirectoryEntry d = root.createDirectory(String.format("__recip_version1.0_#%08X", i));
        Map<Integer, Object> r = recipients.get(i);
        ByteBuffer p = ByteBuffer.allocate(8 + 16).order(ByteOrder.LITTLE_ENDIAN);
        p.position(8);
        p.putShort((short) 0x0003).putShort((short) 0x0C15).putInt(6).putInt((Integer) r.get(0x0C15)).putInt(0);
        d.createDocument("__properties_version1.0", new ByteArrayInputStream(p.array()));
        r.forEach((id, v) -> {
          if (v instanceof String s) {
            stream(d, id, s);
          }
        });
      }
      for (int i = 0; i < attachments.size(); i++) {
        DirectoryEntry d = root.createDirectory(String.format("__attach_version1.0_#%08X", i));
        d.createDocument("__properties_version1.0", new ByteArrayInputStream(new byte[8]));
        attachments.get(i).forEach((id, v) -> {
          if (v instanceof String s) {
            stream(d, id, s);
          } else {
            try {
              d.createDocument(String.format("__substg1.0_%04X0102", id), new ByteArrayInputStream((byte[]) v));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }
        });
      }
      fs.writeFilesystem(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void stream(DirectoryEntry dir, int id, String value) {
    try {
      dir.createDocument(String.format("__substg1.0_%04X001F", id),
          new ByteArrayInputStream(value.getBytes(StandardCharsets.UTF_16LE)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
