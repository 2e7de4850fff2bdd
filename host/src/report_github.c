/* report_github.c - placeholder until the github writer lands. */
#include "report.h"

int cs_report_run_github(cs_buf *out, const cs_run *run)
{
    (void)run;
    return cs_buf_puts(out, "github report: not implemented yet\n");
}
