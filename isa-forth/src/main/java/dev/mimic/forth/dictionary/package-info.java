/** The dictionary's layout in guest memory (headers, word lists, the search order) as the host reads and extends it. */
package dev.mimic.forth.dictionary;
