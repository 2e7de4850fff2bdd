# profile.awk - where the time of a `credscore score --jsonl` run goes, from
# `perf script -F pid,ip,sym,dso` of a `perf record --call-graph dwarf` run.
#
# Every sample is put in one bucket: walking its call chain from the leaf
# outwards, the first frame that belongs to a known part of credscore names
# the bucket (so memcpy called by the report writer counts as report
# writing, and a host function called by a plugin counts as the plugin).
# Samples of the first process seen (the parent: reads the stream, batches
# lines, writes the answers) are counted apart from the workers'.
#
# Output, tab-separated: "T total", "B count bucket" (buckets of parent
# samples start with "P "), "S count leaf-symbol (dso)" for self time.

function bucket(sym, dso) {
    if (sym ~ /^(cs_doc_line_col|cs_fold_next|cs_buf_|cs_strn?dup)/)
        return "" # helpers: the caller decides
    if (dso ~ /attribution\.so|quotes\.so|\/plugins\// || sym ~ /^(cs_plugin_|cs_scorer_plugin_pass$)/)
        return "plugins (attribution, quotes)"
    if (dso ~ /libjansson/ || sym ~ /^(json_loadb|json_decref|json_object_get|cs_jsonl_|parse_line$|scan_string$|scan_string_into$|unescape$)/)
        return "JSONL record parsing (cs_jsonl_read)"
    if (dso ~ /liblua/ || sym ~ /^(cs_lua_|run_check_rules)/)
        return "Lua check rules"
    if (dso ~ /libpcre2/ || dso ~ /JIT|perf-[0-9]+\.map/ || sym ~ /regex|pcre/)
        return "regex rules (PCRE2)"
    if (sym ~ /^(cs_matcher_|scan_table$|scan16$|scan32$|report_hits$)/)
        return "phrase matcher (Aho-Corasick)"
    if (sym ~ /^(cs_report|cs_json_|cs_escape_|json_escape|report_|put$|before_value$|term_len$|format_int$)/)
        return "report writing (JSON out)"
    if (sym ~ /^cs_merge/)
        return "merge (caps, duplicates)"
    if (sym ~ /^(cs_document_|cs_load_|load_common|cs_split_sentences|cs_doc_|cs_validate_utf8|build_line_index|cs_sentence)/)
        return "document load, sentence split"
    if (sym ~ /^(cs_scorer_|score_range|score_sentences|score_passage)/)
        return "scorer glue (rule dispatch, results)"
    if (sym ~ /^(cs_session_open|cs_config_|cs_rules_load|_dl_|dl_main|_dl_start|dl_open)/)
        return "startup (config, rules, plugins, loader)"
    if (sym ~ /^(read_full|write_full|cs_pool_|worker_main)/)
        return "worker pipes and result slots (batches in, reports out)"
    if (sym ~ /^(score_batch|score_round|load_record|answer_record)$/)
        return "per-line glue (score_batch: records in, answers out)"
    return ""
}

function flush(   i, b, d, leaf) {
    if (nframes == 0)
        return
    total++
    d = frames_dso[1]
    for (i = 2; i <= nframes && d == "inlined" && frames_ip[i] == frames_ip[1]; i++)
        d = frames_dso[i]
    if (d == "inlined" && frames_sym[1] ~ /^__(mem|str|GI_)/)
        d = "libc.so.6" # perf marks libc's ifunc variants "inlined"
    if (d ~ /^perf-[0-9]+\.map$|JIT/)
        d = "PCRE2 JIT code"
    leaf = frames_sym[1] " (" d ")"
    self[leaf]++
    b = ""
    for (i = 1; i <= nframes && b == ""; i++)
        b = bucket(frames_sym[i], frames_dso[i])
    if (pid == parent) {
        if (b != "startup (config, rules, plugins, loader)")
            b = "read stream, batch, pipes, write output"
        b = "P " b
    } else if (b == "") {
        b = "other (libc, kernel, outside a known caller)"
    }
    n[b]++
    nframes = 0
}

/^ *[0-9]+(\/[0-9]+)? *$/ || /^ *[0-9]+\/[0-9]+ / {
    flush()
    split($1, a, "/")
    pid = a[1]
    if (parent == "")
        parent = pid
    next
}

/^[ \t]+[0-9a-f]+ / {
    line = $0
    sub(/^[ \t]+/, "", line)
    ip = line
    sub(/ .*/, "", ip)
    sub(/^[0-9a-f]+ /, "", line)
    dso = ""
    if (match(line, / \([^()]*\)$/)) {
        dso = substr(line, RSTART + 2, RLENGTH - 3)
        line = substr(line, 1, RSTART - 1)
    }
    sub(/\+0x[0-9a-f]+$/, "", line)
    sub(/ \(inlined\)$/, "", line)
    ndso = split(dso, parts, "/")
    nframes++
    frames_ip[nframes] = ip
    frames_sym[nframes] = line
    frames_dso[nframes] = parts[ndso]
    next
}

/^$/ { flush() }

END {
    flush()
    printf "T\t%d\n", total
    for (b in n)
        printf "B\t%d\t%s\n", n[b], b
    for (k in self)
        printf "S\t%d\t%s\n", self[k], k
}
