package dev.mimic.forth.fcode;

import java.util.Optional;

/**
 * The PCI expansion ROM image that carries an FCode program: a PCI card's ROM starts with the
 * signature 55 aa and holds one or more images, each described by a PCI data structure ("PCIR");
 * the Open Firmware image has code type 1. (PCI Local Bus Specification 6.3.1; PCI Bus Binding to
 * IEEE 1275, section 9: in an Open Firmware image the 16-bit little-endian word at offset 2 of the
 * image is the offset of the FCode program from the image's start.)
 *
 * @param imageOffset the file offset of the Open Firmware image's 55 aa
 * @param vendor      the PCI vendor ID
 * @param device      the PCI device ID
 * @param classCode   the 24-bit class code
 * @param imageLength the image length in bytes (the structure counts 512-byte blocks)
 * @param fcodeOffset the file offset of the FCode program's start token
 */
public record PciExpansionRom(long imageOffset, int vendor, int device, int classCode, long imageLength,
                              long fcodeOffset) {

    /** Code type of an Open Firmware (FCode) image in the PCI data structure. */
    static final int OPEN_FIRMWARE = 1;

    /**
     * Finds the Open Firmware image of a PCI expansion ROM.
     *
     * @return empty if {@code bytes} does not start with the ROM signature 55 aa
     * @throws FCodeFormatException if it does but the ROM's structures are broken or it has no
     *                              Open Firmware image
     */
    public static Optional<PciExpansionRom> find(String source, byte[] bytes) {
        if (bytes.length < 2 || (bytes[0] & 0xff) != 0x55 || (bytes[1] & 0xff) != 0xaa) {
            return Optional.empty();
        }
        long image = 0;
        while (true) {
            if (image + 0x1a > bytes.length) {
                throw new FCodeFormatException(source, image, "PCI expansion ROM header is cut off by the end of the file");
            }
            if (le16(bytes, image) != 0xaa55) {
                throw new FCodeFormatException(source, image, "PCI expansion ROM image does not start with the signature 55 aa");
            }
            long pcir = image + le16(bytes, image + 0x18);
            if (pcir + 0x18 > bytes.length) {
                throw new FCodeFormatException(source, image + 0x18,
                        "PCI data structure at 0x" + Long.toHexString(pcir) + " runs past the end of the file");
            }
            if (bytes[(int) pcir] != 'P' || bytes[(int) pcir + 1] != 'C' || bytes[(int) pcir + 2] != 'I' || bytes[(int) pcir + 3] != 'R') {
                throw new FCodeFormatException(source, pcir, "PCI data structure does not start with \"PCIR\"");
            }
            long length = 512L * le16(bytes, pcir + 0x10);
            int codeType = bytes[(int) pcir + 0x14] & 0xff;
            boolean last = (bytes[(int) pcir + 0x15] & 0x80) != 0;
            if (codeType == OPEN_FIRMWARE) {
                long fcode = image + le16(bytes, image + 2);
                if (fcode < image + 0x1a || fcode >= bytes.length) {
                    throw new FCodeFormatException(source, image + 2,
                            "FCode pointer 0x" + Long.toHexString(fcode - image) + " of the Open Firmware PCI image points into its header or past the end of the file");
                }
                int classCode = (bytes[(int) pcir + 0x0d] & 0xff) | (bytes[(int) pcir + 0x0e] & 0xff) << 8
                        | (bytes[(int) pcir + 0x0f] & 0xff) << 16;
                return Optional.of(new PciExpansionRom(image, le16(bytes, pcir + 4), le16(bytes, pcir + 6), classCode, length, fcode));
            }
            if (last || length == 0 || image + length >= bytes.length) {
                throw new FCodeFormatException(source, image, "PCI expansion ROM has no Open Firmware image (code type 1)");
            }
            image += length;
        }
    }

    private static int le16(byte[] bytes, long at) {
        return (bytes[(int) at] & 0xff) | (bytes[(int) at + 1] & 0xff) << 8;
    }
}
