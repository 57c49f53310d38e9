/* Tests for the command-line splitter, lib/cmdline.c. */
#include <linux/init.h>
#include <linux/ktest.h>
#include <linux/string.h>

struct seen {
	int n;
	char param[8][32];
	char val[8][32];	/* "(none)" when the word had no '=' */
};

static void record(char *param, char *val, void *arg)
{
	struct seen *s = arg;

	if (s->n < 8) {
		strscpy(s->param[s->n], param, 32);
		strscpy(s->val[s->n], val ? val : "(none)", 32);
	}
	s->n++;
}

static void cmdline_words_test(struct ktest *test)
{
	char line[] = "  init=/bin/sh ktest  trace=fork,exit ";
	struct seen s = { 0 };

	KTEST_EXPECT_EQ(test, parse_args(line, record, &s), 3);
	KTEST_EXPECT_STREQ(test, s.param[0], "init");
	KTEST_EXPECT_STREQ(test, s.val[0], "/bin/sh");
	KTEST_EXPECT_STREQ(test, s.param[1], "ktest");
	KTEST_EXPECT_STREQ(test, s.val[1], "(none)");
	KTEST_EXPECT_STREQ(test, s.param[2], "trace");
	KTEST_EXPECT_STREQ(test, s.val[2], "fork,exit");
}

static void cmdline_quotes_test(struct ktest *test)
{
	char line[] = "msg=\"hello world\" a=b=c \"x y\"";
	struct seen s = { 0 };

	KTEST_EXPECT_EQ(test, parse_args(line, record, &s), 3);
	KTEST_EXPECT_STREQ(test, s.val[0], "hello world");
	KTEST_EXPECT_STREQ(test, s.param[1], "a");
	KTEST_EXPECT_STREQ(test, s.val[1], "b=c");	/* only the first '=' splits */
	KTEST_EXPECT_STREQ(test, s.param[2], "x y");
}

static void cmdline_empty_test(struct ktest *test)
{
	char line[] = "   ";
	char empty[] = "";
	char eq[] = "key=";
	struct seen s = { 0 };

	KTEST_EXPECT_EQ(test, parse_args(line, record, &s), 0);
	KTEST_EXPECT_EQ(test, parse_args(empty, record, &s), 0);
	KTEST_EXPECT_EQ(test, parse_args(eq, record, &s), 1);
	KTEST_EXPECT_STREQ(test, s.val[0], "");	/* "key=" has an empty value */
}

KTEST_SUITE(cmdline, KTEST_CASE(cmdline_words_test), KTEST_CASE(cmdline_quotes_test),
	    KTEST_CASE(cmdline_empty_test));
