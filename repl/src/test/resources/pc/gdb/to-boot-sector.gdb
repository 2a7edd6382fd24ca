# Steps from anywhere in the firmware to the boot sector's first instruction, 0000:7C00,
# an instruction at a time.
while $cs != 0 || $eip != 0x7c00
  stepi
end
