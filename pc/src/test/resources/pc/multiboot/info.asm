; Prints the multiboot information a boot loader hands over (Multiboot Specification 0.6.96, 3.3):
; the magic, flags, memory sizes, boot device, command line, each module's string, size, page
; offset and text, and the BIOS memory map. Built with isa-x86's bare-metal harness.
%include "harness.inc"

main:
        SHOW "magic", eax
        mov ebp, ebx
        SHOW "flags", [ebp]
        SHOW "mem_lower", [ebp + 4]
        SHOW "mem_upper", [ebp + 8]
        SHOW "boot_device", [ebp + 12]
        SAY "cmdline:"
        mov esi, [ebp + 16]
        call puts
        call crlf
        SHOW "mods_count", [ebp + 20]
        mov ebx, [ebp + 24]
        mov ecx, [ebp + 20]
.module:
        test ecx, ecx
        jz .modules_done
        SAY "module string:"
        mov esi, [ebx + 8]
        call puts
        call crlf
        mov eax, [ebx + 4]
        sub eax, [ebx]
        SHOW "module size", eax
        mov eax, [ebx]
        and eax, 0xFFF
        SHOW "module page offset", eax
        mov esi, [ebx]
        call puts
        add ebx, 16
        dec ecx
        jmp .module
.modules_done:
        mov ebx, [ebp + 48]
        mov edi, ebx
        add edi, [ebp + 44]
.entry:
        cmp ebx, edi
        jae .map_done
        SHOW "map base", [ebx + 4]
        SHOW "map length", [ebx + 12]
        SHOW "map type", [ebx + 20]
        add ebx, [ebx]
        add ebx, 4
        jmp .entry
.map_done:
        ret
