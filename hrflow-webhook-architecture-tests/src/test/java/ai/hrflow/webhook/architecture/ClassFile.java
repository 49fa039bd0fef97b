package ai.hrflow.webhook.architecture;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the architecture tests need of one compiled class, read from its class file: its name, whether
 * it is public, and the classes it refers to (from its constant pool: class entries, and the types
 * named in descriptors and generic signatures).
 *
 * @param name the binary name, such as {@code ai.hrflow.webhook.runtime.WebhookReceiver$Builder}
 * @param isPublic whether the class is declared public (for a nested class: in its class file)
 * @param references the binary names of the classes it refers to
 */
record ClassFile(String name, boolean isPublic, Set<String> references) {

  private static final Pattern DESCRIPTOR_TYPE = Pattern.compile("L([\\w/$]+)[;<]");
  private static final int ACC_PUBLIC = 0x0001;

  /** {@return the package of this class} */
  String packageName() {
    return packageOf(name);
  }

  /** {@return whether this class is nested in another} */
  boolean isNested() {
    return name.substring(name.lastIndexOf('.') + 1).contains("$");
  }

  static String packageOf(String binaryName) {
    int dot = binaryName.lastIndexOf('.');
    return dot < 0 ? "" : binaryName.substring(0, dot);
  }

  /** Every class under {@code classes}, a compiler output directory; module-info and package-info excluded. */
  static List<ClassFile> readAll(Path classes) throws IOException {
    List<ClassFile> all = new ArrayList<>();
    try (var files = Files.walk(classes)) {
      for (Path file : files.filter(path -> path.toString().endsWith(".class")).toList()) {
        String fileName = file.getFileName().toString();
        if (!fileName.equals("module-info.class") && !fileName.equals("package-info.class")) {
          all.add(read(Files.readAllBytes(file)));
        }
      }
    }
    return all;
  }

  static ClassFile read(byte[] bytes) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
    if (in.readInt() != 0xCAFEBABE) {
      throw new IOException("not a class file");
    }
    in.readUnsignedShort();
    in.readUnsignedShort();
    int count = in.readUnsignedShort();
    String[] utf8 = new String[count];
    int[] classNameIndex = new int[count];
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> utf8[i] = in.readUTF();
        case 7 -> classNameIndex[i] = in.readUnsignedShort();
        case 8, 16, 19, 20 -> in.readUnsignedShort();
        case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
        case 5, 6 -> {
          in.readLong();
          i++;
        }
        case 15 -> {
          in.readUnsignedByte();
          in.readUnsignedShort();
        }
        default -> throw new IOException("unknown constant pool tag " + tag);
      }
    }
    int access = in.readUnsignedShort();
    String self = utf8[classNameIndex[in.readUnsignedShort()]].replace('/', '.');
    Set<String> references = new HashSet<>();
    for (int i = 1; i < count; i++) {
      if (classNameIndex[i] != 0) {
        String name = utf8[classNameIndex[i]];
        if (name.startsWith("[")) {
          addDescriptorTypes(name, references);
        } else {
          references.add(name.replace('/', '.'));
        }
      } else if (utf8[i] != null) {
        addDescriptorTypes(utf8[i], references);
      }
    }
    references.remove(self);
    return new ClassFile(self, (access & ACC_PUBLIC) != 0, references);
  }

  private static void addDescriptorTypes(String text, Set<String> references) {
    Matcher matcher = DESCRIPTOR_TYPE.matcher(text);
    while (matcher.find()) {
      references.add(matcher.group(1).replace('/', '.'));
    }
  }
}
