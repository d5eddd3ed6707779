# SPDX-License-Identifier: GPL-2.0-only OR MIT
# Prints each symbol name (first field of the lines after the allow-list)
# that the allow-list does not allow. The one place that reads the list:
#   awk -f kworld-allow.awk shim/kworld.allow - <names
# A list line is an exact name or a prefix ending in '*'; '#' starts a comment.
FILENAME == ARGV[1] {
	sub(/#.*/, "")
	gsub(/[ \t]+/, "")
	if ($0 == "")
		next
	if ($0 ~ /\*$/)
		prefix[substr($0, 1, length($0) - 1)] = 1
	else
		exact[$0] = 1
	next
}
NF > 0 {
	if ($1 in exact)
		next
	for (p in prefix)
		if (index($1, p) == 1)
			next
	print $1
}
