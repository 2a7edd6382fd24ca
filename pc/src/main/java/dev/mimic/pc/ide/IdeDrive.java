package dev.mimic.pc.ide;

/** What can sit on an IDE channel: an ATA hard disk or an ATAPI CD-ROM drive. */
public sealed interface IdeDrive permits AtaDisk, AtapiCdrom {
}
