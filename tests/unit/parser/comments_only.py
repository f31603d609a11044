# hi

   # there
