package dev.mimic.pc.machine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Bootable El Torito CD images of a Linux kernel and initramfs, made with Debian's boot loaders
 * as a distribution's installer CD is: isolinux (packages isolinux and syslinux-common, mastered
 * by xorriso) and GRUB (grub-mkrescue from grub-pc-bin, grub-common, mtools and xorriso). Each
 * loader talks to COM1 and passes {@code console=ttyS0}.
 */
final class BootCd {
    private static final Path ISOLINUX = Path.of("/usr/lib/ISOLINUX/isolinux.bin");
    private static final Path LDLINUX = Path.of("/usr/lib/syslinux/modules/bios/ldlinux.c32");
    private static final Path XORRISO = Path.of("/usr/bin/xorriso");
    private static final Path GRUB_MKRESCUE = Path.of("/usr/bin/grub-mkrescue");
    private static final Path GRUB_PC = Path.of("/usr/lib/grub/i386-pc");
    private static final Path MFORMAT = Path.of("/usr/bin/mformat");

    private BootCd() {
    }

    /** An isolinux CD in {@code work}: no-emulation boot of isolinux.bin with a 4-sector load and the boot info table. */
    static Path isolinux(Path work, Path kernel, Path initrd) throws Exception {
        assumeTrue(Files.isReadable(ISOLINUX) && Files.isReadable(LDLINUX), "install Debian's isolinux and syslinux-common packages");
        assumeTrue(Files.isExecutable(XORRISO), "install Debian's xorriso package");
        Path tree = tree(work.resolve("isolinux-cd"), kernel, initrd);
        Path boot = Files.createDirectories(tree.resolve("isolinux"));
        Files.copy(ISOLINUX, boot.resolve("isolinux.bin"));
        Files.copy(LDLINUX, boot.resolve("ldlinux.c32"));
        Files.writeString(boot.resolve("isolinux.cfg"), """
                serial 0 115200
                default linux
                prompt 0
                timeout 0
                label linux
                  kernel /vmlinuz
                  append initrd=/initrd.img console=ttyS0 panic=-1
                """);
        Path iso = work.resolve("isolinux.iso");
        run(XORRISO.toString(), "-as", "mkisofs", "-o", iso.toString(), "-b", "isolinux/isolinux.bin", "-c", "isolinux/boot.cat",
                "-no-emul-boot", "-boot-load-size", "4", "-boot-info-table", tree.toString());
        return iso;
    }

    /** A GRUB rescue CD in {@code work} whose menu boots at once, GRUB's terminal on COM1. */
    static Path grub(Path work, Path kernel, Path initrd) throws Exception {
        assumeTrue(Files.isExecutable(GRUB_MKRESCUE) && Files.isDirectory(GRUB_PC) && Files.isExecutable(MFORMAT),
                "install Debian's grub-common, grub-pc-bin and mtools packages");
        assumeTrue(Files.isExecutable(XORRISO), "install Debian's xorriso package");
        Path tree = tree(work.resolve("grub-cd"), kernel, initrd);
        Path grub = Files.createDirectories(tree.resolve("boot/grub"));
        Files.writeString(grub.resolve("grub.cfg"), """
                serial --unit=0 --speed=115200
                terminal_input serial
                terminal_output serial
                set timeout=0
                menuentry linux {
                  linux /vmlinuz console=ttyS0 panic=-1
                  initrd /initrd.img
                }
                """);
        Path iso = work.resolve("grub.iso");
        run(GRUB_MKRESCUE.toString(), "-d", GRUB_PC.toString(), "-o", iso.toString(), tree.toString());
        return iso;
    }

    private static Path tree(Path root, Path kernel, Path initrd) throws Exception {
        Files.createDirectories(root);
        Files.copy(kernel, root.resolve("vmlinuz"));
        Files.copy(initrd, root.resolve("initrd.img"));
        return root;
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", command) + ":\n" + output);
    }
}
