from srclint.cli import main

raise SystemExit(main())
