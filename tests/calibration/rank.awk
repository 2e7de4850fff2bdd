# rank.awk - calibration figures from lines "LEVEL WORDS SCORE" (LEVEL 1 is
# the best sourced).  Prints, one per line:
#   across RHO           Spearman rank correlation of score with sourcing
#                        quality (5 - LEVEL) over every article
#   pairs SHARE          share of article pairs of different levels whose
#                        better-sourced article scores strictly higher
#   within L RHO         Spearman rank correlation of score with length
#                        among the articles of level L (one line a level)
# Ties get the mean of their ranks; a constant column gives rho 0.
function rank(v, n, r,    i, j, k, lo, sum) {
    for (i = 1; i <= n; i++) {
        lo = 0; k = 0
        for (j = 1; j <= n; j++) {
            if (v[j] < v[i]) lo++
            else if (v[j] == v[i]) k++
        }
        r[i] = lo + (k + 1) / 2
    }
}
function pearson(x, y, n,    i, mx, my, sxy, sxx, syy) {
    for (i = 1; i <= n; i++) { mx += x[i]; my += y[i] }
    mx /= n; my /= n
    for (i = 1; i <= n; i++) {
        sxy += (x[i] - mx) * (y[i] - my)
        sxx += (x[i] - mx) ^ 2
        syy += (y[i] - my) ^ 2
    }
    return (sxx == 0 || syy == 0) ? 0 : sxy / sqrt(sxx * syy)
}
function spearman(x, y, n,    rx, ry) {
    rank(x, n, rx); rank(y, n, ry)
    return pearson(rx, ry, n)
}
NF == 3 { n++; lvl[n] = $1; words[n] = $2; score[n] = $3; levels[$1] = 1 }
END {
    for (i = 1; i <= n; i++) q[i] = 5 - lvl[i]
    printf "across %.3f\n", spearman(score, q, n)
    for (i = 1; i <= n; i++)
        for (j = 1; j <= n; j++)
            if (lvl[i] < lvl[j]) { pairs++; if (score[i] > score[j]) right++ }
    printf "pairs %.3f\n", pairs ? right / pairs : 0
    for (L = 1; L <= 4; L++) {
        if (!(L in levels)) continue
        m = 0; delete a; delete b
        for (i = 1; i <= n; i++) if (lvl[i] == L) { m++; a[m] = words[i]; b[m] = score[i] }
        printf "within %d %.3f\n", L, spearman(a, b, m)
    }
}
