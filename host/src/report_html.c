/* report_html.c - placeholder until the html writer lands. */
#include "report.h"

int cs_report_run_html(cs_buf *out, const cs_run *run)
{
    (void)run;
    return cs_buf_puts(out, "html report: not implemented yet\n");
}
