/* report_junit.c - placeholder until the junit writer lands. */
#include "report.h"

int cs_report_run_junit(cs_buf *out, const cs_run *run)
{
    (void)run;
    return cs_buf_puts(out, "junit report: not implemented yet\n");
}
