// Command trivy-fixture-db builds a small Trivy vulnerability DB from bolt-fixtures
// YAML, the way Trivy's own integration tests do (internal/dbtest.InitDB), so tests
// can scan offline with the real trivy binary.
//
//	go run . -fixtures fixtures -out <cache-dir> [-updated-at RFC3339] [-next-update RFC3339]
//
// It writes <cache-dir>/db/trivy.db and <cache-dir>/db/metadata.json; <cache-dir>
// is what `trivy --cache-dir` takes.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"time"

	fixtures "github.com/aquasecurity/bolt-fixtures"
	trivydb "github.com/aquasecurity/trivy-db/pkg/db"
	"github.com/aquasecurity/trivy-db/pkg/metadata"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "trivy-fixture-db:", err)
		os.Exit(1)
	}
}

func run() error {
	now := time.Now().UTC().Truncate(time.Second)
	fixtureDir := flag.String("fixtures", "fixtures", "directory of bolt-fixtures YAML files")
	out := flag.String("out", "", "cache dir to write db/trivy.db and db/metadata.json into (required)")
	updatedAt := flag.String("updated-at", now.Format(time.RFC3339), "metadata UpdatedAt (RFC3339)")
	nextUpdate := flag.String("next-update", "2099-12-31T00:00:00Z", "metadata NextUpdate (RFC3339)")
	downloadedAt := flag.String("downloaded-at", "", "metadata DownloadedAt (RFC3339; default: updated-at)")
	flag.Parse()

	if *out == "" {
		return fmt.Errorf("-out is required: a directory to write db/trivy.db into")
	}
	updated, err := time.Parse(time.RFC3339, *updatedAt)
	if err != nil {
		return fmt.Errorf("-updated-at %q: want RFC3339, e.g. 2024-01-02T15:04:05Z", *updatedAt)
	}
	next, err := time.Parse(time.RFC3339, *nextUpdate)
	if err != nil {
		return fmt.Errorf("-next-update %q: want RFC3339, e.g. 2099-12-31T00:00:00Z", *nextUpdate)
	}
	downloaded := updated
	if *downloadedAt != "" {
		if downloaded, err = time.Parse(time.RFC3339, *downloadedAt); err != nil {
			return fmt.Errorf("-downloaded-at %q: want RFC3339", *downloadedAt)
		}
	}

	files, err := filepath.Glob(filepath.Join(*fixtureDir, "*.yaml"))
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return fmt.Errorf("no *.yaml fixtures in %s", *fixtureDir)
	}
	sort.Strings(files)

	dbDir := filepath.Join(*out, "db")
	if err := os.MkdirAll(dbDir, 0o755); err != nil {
		return err
	}
	dbPath := trivydb.Path(dbDir)
	// A fresh file: bolt-fixtures only adds keys, so a stale DB would keep old advisories.
	if err := os.Remove(dbPath); err != nil && !os.IsNotExist(err) {
		return err
	}
	loader, err := fixtures.New(dbPath, files)
	if err != nil {
		return fmt.Errorf("open %s: %w", dbPath, err)
	}
	if err := loader.Load(); err != nil {
		loader.Close()
		return fmt.Errorf("load fixtures: %w", err)
	}
	if err := loader.Close(); err != nil {
		return err
	}
	if err := os.Chmod(dbPath, 0o644); err != nil {
		return err
	}

	// Read back through trivy-db itself, as trivy will, to fail here rather than in a scan.
	if err := trivydb.Init(dbDir); err != nil {
		return fmt.Errorf("trivy-db cannot open the result: %w", err)
	}
	if err := trivydb.Close(); err != nil {
		return err
	}

	meta := metadata.Metadata{
		Version:      trivydb.SchemaVersion,
		NextUpdate:   next.UTC(),
		UpdatedAt:    updated.UTC(),
		DownloadedAt: downloaded.UTC(),
	}
	if err := metadata.NewClient(dbDir).Update(meta); err != nil {
		return err
	}
	fmt.Println(dbDir)
	return nil
}
