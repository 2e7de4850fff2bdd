/* report_sarif.c - placeholder until the sarif writer lands. */
#include "report.h"

int cs_report_run_sarif(cs_buf *out, const cs_run *run)
{
    (void)run;
    return cs_buf_puts(out, "sarif report: not implemented yet\n");
}
